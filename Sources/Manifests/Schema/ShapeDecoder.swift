import HogctlJSON

/// Walks a YAML node against a `Shape`, producing the JSON value and a diagnostic for every
/// mismatch (all of them, not only the first). Invalid parts are left out of the value.
struct ShapeDecoder {
  var tags: TagResolver
  private(set) var diagnostics: [Diagnostic] = []
  /// Every node's location by path, noted only when `recordsLocations` (see `LocationIndex`).
  private(set) var locations: LocationLog
  let recordsLocations: Bool
  /// Input values that came from `!env` or `!file`, by path (`inputs.token`), with the tag.
  private(set) var taggedInputs: [String: String] = [:]
  /// Variables left unset under `--skip-env`.
  private(set) var unresolvedEnvironment: Set<String> = []
  /// Paths of the values that came from `!env` (`description`, `inputs.url`): sensitive
  /// wherever they are used, so plans never print them.
  private(set) var sensitivePaths: [String] = []
  /// The values `!env` gave, for redacting them from every output.
  private(set) var sensitiveValues: Set<String> = []
  private var ruleOverride: String?
  /// The types of the `inputs_schema` next to the `inputs` being decoded, by key.
  /// A list, not a dictionary: schemas hold a handful of items, and hashing each key cost more
  /// than the search. The first item of a key wins.
  private var inputTypes: [(key: String, type: String)] = []

  init(tags: TagResolver, document: ManifestLocation, recordsLocations: Bool = false) {
    self.tags = tags
    self.locations = LocationLog(document: document)
    self.recordsLocations = recordsLocations
    // Deep enough for a manifest's paths, so the path does not grow while it is extended.
    pathBytes.reserveCapacity(128)
  }

  /// The path of the value being decoded (`inputs_schema[0].type`) as UTF-8: extended and cut
  /// back as the decoder descends, so no path string is built unless a message or a tagged
  /// input needs one. Every node's location is noted under it when locations are recorded.
  private var pathBytes: [UInt8] = []

  /// The current path as text, for messages.
  var path: String { String(decoding: pathBytes, as: UTF8.self) }

  /// The path as it was when `enter` returned `mark`.
  func path(upTo mark: Int) -> String { String(decoding: pathBytes[..<mark], as: UTF8.self) }

  /// Descends into a mapping key; returns the mark `leave` cuts back to.
  mutating func enter(key: String) -> Int {
    let mark = pathBytes.count
    if mark > 0 { pathBytes.append(UInt8(ascii: ".")) }
    var key = key
    key.withUTF8 { pathBytes.append(contentsOf: $0) }
    return mark
  }

  /// Descends into a list element.
  mutating func enter(index: Int) -> Int {
    let mark = pathBytes.count
    pathBytes.append(UInt8(ascii: "["))
    if index < 10 {
      pathBytes.append(UInt8(ascii: "0") + UInt8(index))
    } else {
      pathBytes.append(contentsOf: String(index).utf8)
    }
    pathBytes.append(UInt8(ascii: "]"))
    return mark
  }

  mutating func leave(_ mark: Int) {
    // One byte at a time: a path part is a few bytes, and `removeLast(_:)` goes through the
    // general range replacement.
    while pathBytes.count > mark { pathBytes.removeLast() }
  }

  /// Where a node is, in the document's file.
  func at(_ node: SourceNode) -> ManifestLocation { node.location(in: locations.document.file) }
  mutating func noteKey(_ node: SourceNode) {
    if recordsLocations { locations.keys.note(pathBytes, line: node.line, column: node.column) }
  }
  mutating func noteValue(_ node: SourceNode) {
    if recordsLocations { locations.values.note(pathBytes, line: node.line, column: node.column) }
  }
  mutating func noteTagged(_ tag: String) { taggedInputs[path] = tag }
  mutating func noteUnresolved(_ name: String) { unresolvedEnvironment.insert(name) }
  mutating func noteSensitive(_ value: String) {
    sensitivePaths.append(path)
    sensitiveValues.insert(value)
  }
  func inputType(_ key: String) -> String? { inputTypes.first { $0.key == key }?.type }

  private static let structuralRules: Set = [
    RuleID.unknownField, RuleID.wrongType, RuleID.requiredField, RuleID.invalidEnum, RuleID.invalidBoolean,
    RuleID.outOfRange,
  ]

  mutating func report(_ rule: String, _ message: String, at location: ManifestLocation) {
    let id = Self.structuralRules.contains(rule) ? (ruleOverride ?? rule) : rule
    diagnostics.append(Diagnostic(severity: .error, ruleID: id, message: message, location: location))
  }

  /// Decodes `node` at the current path (the document's root to begin with).
  mutating func decode(_ node: SourceNode, as shape: Shape) -> JSONValue? {
    noteValue(node)
    switch shape {
    case .nullable(let inner):
      return node.isNull ? .null : decode(node, as: inner)
    case .object(let object):
      return decodeObject(node, object)
    case .list(let element):
      guard case .sequence(let items) = node.kind, node.tag == nil else {
        return mismatch(node, expected: "a list")
      }
      return decodeItems(items, as: element)
    case .map(let keys, let values):
      guard case .mapping(let pairs) = node.kind, node.tag == nil else {
        return mismatch(node, expected: "a mapping")
      }
      var object = JSONObject(minimumCapacity: pairs.count)
      for pair in pairs {
        let mark = enter(key: pair.keyText)
        noteKey(pair.key)
        if let keys, !keys.contains(pair.keyText) {
          report(
            RuleID.invalidEnum,
            "'\(pair.keyText)' is not one of \(keys.joined(separator: ", "))"
              + DidYouMean.hint(for: pair.keyText, among: keys), at: at(pair.key))
        } else if let value = decode(pair.value, as: values) {
          object[pair.keyText] = value
        }
        leave(mark)
      }
      return .object(object)
    case .inputs:
      return decodeInputs(node)
    case .json:
      return decodeJSON(node)
    case .string, .boolean, .integer, .number, .enumeration:
      return decodeScalar(node, as: shape)
    }
  }

  /// A list's items, each at its own index; invalid items are left out.
  mutating func decodeItems(_ items: [SourceNode], as element: Shape) -> JSONValue {
    var values: [JSONValue] = []
    values.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      let mark = enter(index: index)
      if let value = decode(item, as: element) { values.append(value) }
      leave(mark)
    }
    return .array(values)
  }

  private mutating func decodeObject(_ node: SourceNode, _ shape: ObjectShape) -> JSONValue? {
    guard case .mapping(let pairs) = node.kind, node.tag == nil else {
      if node.tag == YAMLTags.input {
        report(RuleID.invalidTag, "`!input` is only for values under `inputs`", at: at(node))
        return nil
      }
      return mismatch(node, expected: "a mapping")
    }
    let savedOverride = ruleOverride
    defer { ruleOverride = savedOverride }
    ruleOverride = shape.ruleOverride ?? ruleOverride
    // Only objects that hold `inputs` set the types they are read with.
    let savedInputTypes = shape.typesInputs ? inputTypes : []
    defer { if shape.typesInputs { inputTypes = savedInputTypes } }
    var ordered = pairs
    if shape.typesInputs {
      inputTypes = []
      // `inputs` are typed by the `inputs_schema` beside them, so that one goes first when it comes later.
      if let schema = pairs.firstIndex(where: { $0.keyText == "inputs_schema" }),
        let inputs = pairs.firstIndex(where: { $0.keyText == "inputs" }), inputs < schema
      {
        ordered.insert(ordered.remove(at: schema), at: 0)
      }
    }
    var object = JSONObject(minimumCapacity: pairs.count)
    var present: UInt64 = 0
    for pair in ordered {
      let mark = enter(key: pair.keyText)
      noteKey(pair.key)
      defer { leave(mark) }
      guard let fieldIndex = shape.fieldIndex(pair.keyText) else {
        let place = mark == 0 ? "" : " in '\(path(upTo: mark))'"
        report(
          RuleID.unknownField,
          "unknown field '\(pair.keyText)'\(place)"
            + DidYouMean.hint(for: pair.keyText, among: shape.fields.map(\.name)), at: at(pair.key))
        continue
      }
      present |= 1 << fieldIndex
      guard let value = decode(pair.value, as: shape.fields[fieldIndex].shape) else {
        continue
      }
      object[pair.keyText] = value
      if shape.typesInputs, pair.keyText == "inputs_schema", case .array(let items) = value {
        inputTypes = items.compactMap { item in
          item["key"]?.stringValue.map { ($0, item["type"]?.stringValue ?? "") }
        }
      }
    }
    for (index, rule) in shape.requiredFields where present & (1 << index) == 0 {
      let place = pathBytes.isEmpty ? "" : " in '\(path)'"
      report(rule, "missing required field '\(shape.fields[index].name)'\(place)", at: at(node))
    }
    return .object(object)
  }

  mutating func mismatch(_ node: SourceNode, expected: String) -> JSONValue? {
    if let tag = node.tag, ![YAMLTags.string, YAMLTags.nonSpecific].contains(tag) {
      if tag == YAMLTags.env || tag == YAMLTags.file {
        report(RuleID.wrongType, "'\(path)' must be \(expected); \(tag) gives text", at: at(node))
      } else {
        report(
          RuleID.invalidTag, "the tag \(tag) is not allowed here; hogctl knows !env, !file and !input",
          at: at(node))
      }
      return nil
    }
    let subject = pathBytes.isEmpty ? "a manifest document" : "'\(path)'"
    report(RuleID.wrongType, "\(subject) must be \(expected), not \(node.kindName)", at: at(node))
    return nil
  }
}
