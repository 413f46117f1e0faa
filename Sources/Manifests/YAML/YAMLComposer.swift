import CYaml

/// Builds `SourceNode`s straight from libyaml's events, with no intermediate tree. Aliases are
/// expanded here (a copy of the anchored node), and every node produced, copies included, is
/// counted against a budget per document: a "billion laughs" document stops at the limit instead
/// of exploding. Mapping keys must be text and appear once (`1` and `"1"` count as the same);
/// `<<` merge keys copy the pairs of the merged mappings that are not set explicitly.
struct YAMLComposer {
  struct LimitExceeded: Error {
    var message: String
  }

  static let maximumNodes = 100_000
  static let maximumDepth = 200

  let file: String
  private let events: LibYAMLEventStream
  private(set) var documents: [SourceNode] = []
  private(set) var diagnostics: [Diagnostic] = []
  /// Nodes produced in the current document, alias copies included.
  private var produced = 0
  private var anchors: [String: Anchored] = [:]

  private struct Anchored {
    var node: SourceNode
    var nodes: Int
    var height: Int
  }

  init(file: String, events: LibYAMLEventStream) {
    self.file = file
    self.events = events
  }

  /// Reads the whole stream. A syntax error is thrown; the documents read before it are kept.
  mutating func composeStream() throws(LibYAMLEventStream.Failure) {
    try events.advance()  // stream start
    while try events.advance() != YAML_STREAM_END_EVENT {
      // A document start; anchors and the budget are per document.
      produced = 0
      anchors = [:]
      try events.advance()
      let root = location()
      do {
        let (node, _) = try compose(depth: 0)
        if !node.isNull { documents.append(node) }
        try events.advance()  // document end
      } catch let limit as LimitExceeded {
        diagnostics.append(
          Diagnostic(severity: .error, ruleID: RuleID.aliasLimit, message: limit.message, location: root))
        try skipToDocumentEnd()
      } catch let failure as LibYAMLEventStream.Failure {
        throw failure
      } catch {
        preconditionFailure("unexpected error \(error)")
      }
    }
  }

  private func location() -> ManifestLocation {
    ManifestLocation(file: file, line: events.line, column: events.column)
  }

  private func skipToDocumentEnd() throws(LibYAMLEventStream.Failure) {
    while events.type != YAML_DOCUMENT_END_EVENT { try events.advance() }
  }

  /// Composes the node that starts at the current event; returns it with its height.
  private mutating func compose(depth: Int) throws -> (SourceNode, Int) {
    if depth > Self.maximumDepth {
      throw LimitExceeded(message: "this document is nested more than \(Self.maximumDepth) levels deep")
    }
    let event = events.current
    let (line, column) = (Int32(clamping: events.line), Int32(clamping: events.column))
    let firstNode = produced
    // Copied now: the event, and the anchor's text with it, is released once children are read.
    let anchor: String?
    let composed: (SourceNode, Int)
    switch event.type {
    case YAML_ALIAS_EVENT:
      return try expand(alias: LibYAMLEventStream.string(event.data.alias.anchor) ?? "", depth: depth)
    case YAML_SCALAR_EVENT:
      try count(1)
      let scalar = event.data.scalar
      let style = Self.style(of: scalar.style)
      // libyaml gives an untagged quoted or block scalar the `str` tag; only a written tag counts.
      let tag = scalar.quoted_implicit == 1 ? nil : LibYAMLEventStream.string(scalar.tag)
      anchor = LibYAMLEventStream.string(scalar.anchor)
      composed = (
        SourceNode(
          kind: .scalar(LibYAMLEventStream.string(scalar.value, length: scalar.length), style),
          tag: Self.explicitTag(tag, style: style), line: line, column: column), 0
      )
    case YAML_SEQUENCE_START_EVENT:
      try count(1)
      let start = event.data.sequence_start
      anchor = LibYAMLEventStream.string(start.anchor)
      let tag = start.implicit != 0 ? nil : LibYAMLEventStream.string(start.tag)
      var items: [SourceNode] = []
      var height = 0
      while try events.advance() != YAML_SEQUENCE_END_EVENT {
        let (item, itemHeight) = try compose(depth: depth + 1)
        items.append(item)
        height = max(height, itemHeight + 1)
      }
      composed = (
        SourceNode(
          kind: .sequence(items), tag: Self.explicitTag(tag, style: nil), line: line, column: column), height
      )
    case YAML_MAPPING_START_EVENT:
      try count(1)
      let start = event.data.mapping_start
      anchor = LibYAMLEventStream.string(start.anchor)
      let tag = start.implicit != 0 ? nil : LibYAMLEventStream.string(start.tag)
      let (pairs, height) = try composePairs(depth: depth)
      composed = (
        SourceNode(
          kind: .mapping(pairs), tag: Self.explicitTag(tag, style: nil), line: line, column: column), height
      )
    default:
      preconditionFailure("libyaml produced event \(event.type.rawValue) where a node was expected")
    }
    if let name = anchor {
      anchors[name] = Anchored(node: composed.0, nodes: produced - firstNode, height: composed.1)
    }
    return composed
  }

  private mutating func count(_ nodes: Int) throws {
    produced += nodes
    if produced > Self.maximumNodes {
      throw LimitExceeded(
        message:
          "this document expands to more than \(Self.maximumNodes) values (each use of a YAML alias "
          + "copies its anchor); it was not read further")
    }
  }

  private mutating func expand(alias name: String, depth: Int) throws -> (SourceNode, Int) {
    guard let anchored = anchors[name] else {
      throw LibYAMLEventStream.Failure(
        problem: "found undefined alias", position: .mark(line: events.line, column: events.column),
        context: nil)
    }
    try count(anchored.nodes)
    if depth + anchored.height > Self.maximumDepth {
      throw LimitExceeded(message: "this document is nested more than \(Self.maximumDepth) levels deep")
    }
    return (anchored.node, anchored.height)
  }

  /// The pairs of the mapping whose start is the current event, up to its end event.
  private mutating func composePairs(depth: Int) throws -> ([SourcePair], Int) {
    var pairs: [SourcePair] = []
    var merged: [SourcePair] = []
    var seen = MappingKeys()
    var height = 0
    while try events.advance() != YAML_MAPPING_END_EVENT {
      let (key, keyHeight) = try compose(depth: depth + 1)
      try events.advance()
      let (value, valueHeight) = try compose(depth: depth + 1)
      height = max(height, keyHeight + 1, valueHeight + 1)
      if case .scalar(let text, .plain) = key.kind, text == "<<" {
        merged += mergeSources(value)
        continue
      }
      guard let text = key.scalarText else {
        diagnostics.append(
          Diagnostic(
            severity: .error, ruleID: RuleID.wrongType,
            message: "a mapping key must be text, not \(key.kindName)", location: key.location(in: file)))
        continue
      }
      if let first = pairs.withUnsafeBufferPointer({ seen.position(of: text, among: $0) }) {
        diagnostics.append(
          Diagnostic(
            severity: .error, ruleID: RuleID.duplicateKey,
            message:
              "the key '\(text)' appears more than once in this mapping (first at line \(pairs[first].key.line))",
            location: key.location(in: file)))
        continue
      }
      pairs.append(SourcePair(key: key, value: value))
    }
    for pair in merged
    where pairs.withUnsafeBufferPointer({ seen.position(of: pair.keyText, among: $0) }) == nil {
      pairs.append(pair)
    }
    return (pairs, height)
  }

  private mutating func mergeSources(_ node: SourceNode) -> [SourcePair] {
    switch node.kind {
    case .mapping(let pairs):
      return pairs
    case .sequence(let items):
      var pairs: [SourcePair] = []
      for item in items {
        if case .mapping(let itemPairs) = item.kind { pairs += itemPairs }
      }
      return pairs
    case .scalar:
      diagnostics.append(
        Diagnostic(
          severity: .error, ruleID: RuleID.wrongType,
          message: "a `<<` merge key takes a mapping or a list of mappings", location: node.location(in: file)
        ))
      return []
    }
  }

  private static func style(of style: yaml_scalar_style_t) -> SourceNode.ScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: .quoted
    case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: .block
    default: .plain
    }
  }

  /// `!!str` on a quoted or block scalar says nothing the style does not; every other tag
  /// the user wrote is kept.
  private static func explicitTag(_ tag: String?, style: SourceNode.ScalarStyle?) -> String? {
    guard let tag, !tag.isEmpty else { return nil }
    if tag == YAMLTags.string, let style, style != .plain { return nil }
    return tag
  }
}
