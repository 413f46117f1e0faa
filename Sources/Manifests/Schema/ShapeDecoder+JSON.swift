import HogctlJSON

extension ShapeDecoder {
  /// Any JSON value: mappings, lists, and scalars typed by YAML 1.2's core schema.
  mutating func decodeJSON(_ node: SourceNode) -> JSONValue? {
    switch node.kind {
    case .mapping(let pairs):
      guard node.tag == nil else { return mismatch(node, expected: "a value") }
      var object = JSONObject(minimumCapacity: pairs.count)
      for pair in pairs {
        let mark = enter(key: pair.keyText)
        noteKey(pair.key)
        if let value = decode(pair.value, as: .json) { object[pair.keyText] = value }
        leave(mark)
      }
      return .object(object)
    case .sequence(let items):
      guard node.tag == nil else { return mismatch(node, expected: "a value") }
      return decodeItems(items, as: .json)
    case .scalar(let text, let style):
      switch node.tag {
      case nil:
        return style == .plain ? ScalarTyping.coreValue(of: text) : .string(text)
      case YAMLTags.string, YAMLTags.nonSpecific:
        return .string(text)
      case YAMLTags.env, YAMLTags.file:
        return resolveTagged(node)
      case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null":
        return ScalarTyping.coreValue(of: text)
      default:
        return mismatch(node, expected: "a value")
      }
    }
  }

  /// `inputs`: each key holds a plain value (`{"value": v}`) or `!input {value, templating}`.
  mutating func decodeInputs(_ node: SourceNode) -> JSONValue? {
    guard case .mapping(let pairs) = node.kind, node.tag == nil else {
      return mismatch(node, expected: "a mapping of input keys to values")
    }
    var inputs = JSONObject(minimumCapacity: pairs.count)
    for pair in pairs {
      let key = pair.keyText
      let mark = enter(key: key)
      noteKey(pair.key)
      noteValue(pair.value)
      if pair.value.tag == YAMLTags.input {
        if let input = decodeLongInput(pair.value, key: key) { inputs[key] = input }
      } else if let value = decodeInputValue(pair.value, key: key) {
        // One allocation: a dictionary literal would build an array of pairs to copy from.
        inputs[key] = .object(JSONObject(lastWins: [(key: "value", value: value)]))
      }
      leave(mark)
    }
    return .object(inputs)
  }

  /// `!input {value, templating}` at the input's own path.
  private mutating func decodeLongInput(_ node: SourceNode, key: String) -> JSONValue? {
    guard case .mapping(let pairs) = node.kind else {
      report(
        RuleID.wrongType, "`!input` takes a mapping: {value: ..., templating: hog|liquid}", at: at(node))
      return nil
    }
    var input: JSONObject = [:]
    for pair in pairs {
      let mark = enter(key: pair.keyText)
      noteKey(pair.key)
      leave(mark)
      switch pair.keyText {
      case "value":
        if let value = decodeInputValue(pair.value, key: key) { input["value"] = value }
      case "templating":
        let mark = enter(key: "templating")
        if let value = decode(pair.value, as: .enumeration(ManifestShapes.inputTemplating)) {
          input["templating"] = value
        }
        leave(mark)
      default:
        report(
          RuleID.unknownField,
          "unknown field '\(pair.keyText)' in `!input`"
            + DidYouMean.hint(for: pair.keyText, among: ["value", "templating"]),
          at: at(pair.key))
      }
    }
    if input["value"] == nil && !pairs.contains(where: { $0.keyText == "value" }) {
      report(RuleID.requiredField, "missing required field 'value' in `!input`", at: at(node))
    }
    noteValue(node)
    return .object(input)
  }

  /// One input's value. Where the manifest's `inputs_schema` says `string`, a plain scalar keeps
  /// its text; `!env`/`!file` text becomes a number or boolean when the schema asks for one.
  private mutating func decodeInputValue(_ node: SourceNode, key: String) -> JSONValue? {
    let type = inputType(key)
    if node.tag == YAMLTags.env || node.tag == YAMLTags.file {
      noteTagged(node.tag ?? "")
      guard let value = resolveTagged(node), let text = value.stringValue else { return nil }
      switch type {
      case "number": return Double(text).map(JSONValue.number) ?? value
      case "integration": return Int(text).map { .number(Double($0)) } ?? value
      case "boolean" where text == "true" || text == "false": return .bool(text == "true")
      default: return value
      }
    }
    if type == "boolean", node.isPlainScalar, let text = node.scalarText,
      ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
    {
      report(
        RuleID.invalidBoolean,
        "input '\(key)' is a boolean; write true or false, not `\(text)` (YAML 1.1 reads it as a boolean; hogctl does not)",
        at: at(node))
      return nil
    }
    if type == "string", node.isPlainScalar, !node.isNull, let text = node.scalarText { return .string(text) }
    return decode(node, as: .json)
  }
}
