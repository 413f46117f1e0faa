import Yams

/// Converts Yams nodes to `SourceNode`s. Yams resolves an alias to the anchored node itself, so a
/// composed document shares subtrees and stays small; expanding it here is where a "billion
/// laughs" document would explode, so every produced node is counted against a budget.
struct NodeLowering {
  struct LimitExceeded: Error {
    var message: String
  }

  static let maximumNodes = 100_000
  static let maximumDepth = 200

  var file: String
  private(set) var diagnostics: [Diagnostic] = []
  private var produced = 0

  init(file: String) {
    self.file = file
  }

  /// Lowers one document root; the budget is per document.
  mutating func lower(_ root: Node) throws -> SourceNode {
    produced = 0
    return try lower(root, depth: 0, fallback: ManifestLocation(file: file, line: 1, column: 1))
  }

  private mutating func lower(_ node: Node, depth: Int, fallback: ManifestLocation) throws -> SourceNode {
    produced += 1
    if produced > Self.maximumNodes {
      throw LimitExceeded(
        message:
          "this document expands to more than \(Self.maximumNodes) values (each use of a YAML alias "
          + "copies its anchor); it was not read further")
    }
    if depth > Self.maximumDepth {
      throw LimitExceeded(message: "this document is nested more than \(Self.maximumDepth) levels deep")
    }
    let location =
      node.mark.map { ManifestLocation(file: file, line: $0.line, column: $0.column) } ?? fallback
    switch node {
    case .scalar(let scalar):
      return SourceNode(
        kind: .scalar(scalar.string, style(of: scalar)), tag: explicitTag(scalar.tag, quoted: scalar.style),
        location: location)
    case .sequence(let sequence):
      var items: [SourceNode] = []
      for item in sequence {
        items.append(try lower(item, depth: depth + 1, fallback: location))
      }
      return SourceNode(
        kind: .sequence(items), tag: explicitTag(sequence.tag, quoted: nil), location: location)
    case .mapping(let mapping):
      return SourceNode(
        kind: .mapping(try lowerPairs(mapping, depth: depth, location: location)),
        tag: explicitTag(mapping.tag, quoted: nil), location: location)
    case .alias(let alias):
      let mark = alias.mark.map { ManifestLocation(file: file, line: $0.line, column: $0.column) }
      diagnostics.append(
        Diagnostic(
          severity: .error, ruleID: RuleID.yamlSyntax, message: "YAML syntax: unresolved alias",
          location: mark ?? location))
      return SourceNode(kind: .scalar("", .plain), tag: nil, location: location)
    }
  }

  /// Keys must be text; `<<` merge keys copy the pairs of the merged mappings that are not set
  /// explicitly; a key written twice (also as `1` and `"1"`) is a `duplicate-key`.
  private mutating func lowerPairs(_ mapping: Node.Mapping, depth: Int, location: ManifestLocation) throws
    -> [SourcePair]
  {
    var pairs: [SourcePair] = []
    var merged: [SourcePair] = []
    var seen: [String: ManifestLocation] = [:]
    for (keyNode, valueNode) in mapping {
      let key = try lower(keyNode, depth: depth + 1, fallback: location)
      if case .scalar(let text, .plain) = key.kind, text == "<<" {
        merged += try mergeSources(valueNode, depth: depth, fallback: key.location)
        continue
      }
      guard let text = key.scalarText else {
        diagnostics.append(
          Diagnostic(
            severity: .error, ruleID: RuleID.wrongType,
            message: "a mapping key must be text, not \(key.kindName)", location: key.location))
        continue
      }
      if let first = seen[text] {
        diagnostics.append(
          Diagnostic(
            severity: .error, ruleID: RuleID.duplicateKey,
            message: "the key '\(text)' appears more than once in this mapping (first at line \(first.line))",
            location: key.location))
        continue
      }
      seen[text] = key.location
      let value = try lower(valueNode, depth: depth + 1, fallback: key.location)
      pairs.append(SourcePair(key: key, value: value))
    }
    for pair in merged where seen[pair.keyText] == nil {
      seen[pair.keyText] = pair.key.location
      pairs.append(pair)
    }
    return pairs
  }

  private mutating func mergeSources(_ node: Node, depth: Int, fallback: ManifestLocation) throws
    -> [SourcePair]
  {
    let lowered = try lower(node, depth: depth + 1, fallback: fallback)
    switch lowered.kind {
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
          message: "a `<<` merge key takes a mapping or a list of mappings", location: lowered.location))
      return []
    }
  }

  private func style(of scalar: Node.Scalar) -> SourceNode.ScalarStyle {
    switch scalar.style {
    case .singleQuoted, .doubleQuoted: .quoted
    case .literal, .folded: .block
    case .plain, .any: .plain
    }
  }

  /// libyaml marks every quoted scalar with the `str` tag; only a tag the user wrote counts.
  private func explicitTag(_ tag: Tag, quoted style: Node.Scalar.Style?) -> String? {
    let name = tag.description
    if name.isEmpty { return nil }
    if name == YAMLTags.string, let style, style != .plain, style != .any { return nil }
    return name
  }
}
