import HogctlJSON

/// A YAML node as import writes it: scalars with the style they must keep to read back as the
/// same value, hogctl's tags (`!env`, `!file`, `!input`), and collections in the order given.
indirect enum YAMLNode: Equatable {
  enum ScalarStyle: Equatable {
    /// Written bare when libyaml can; only for text that reads back as text.
    case plain
    case doubleQuoted
    /// A `|` block, for text over several lines.
    case literal
  }

  case scalar(String, style: ScalarStyle, tag: String? = nil)
  case sequence([YAMLNode], flow: Bool)
  case mapping([(key: String, value: YAMLNode)], flow: Bool, tag: String? = nil)

  static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
    switch (lhs, rhs) {
    case (.scalar(let a, let aStyle, let aTag), .scalar(let b, let bStyle, let bTag)):
      a == b && aStyle == bStyle && aTag == bTag
    case (.sequence(let a, let aFlow), .sequence(let b, let bFlow)): a == b && aFlow == bFlow
    case (.mapping(let a, let aFlow, let aTag), .mapping(let b, let bFlow, let bTag)):
      aFlow == bFlow && aTag == bTag && a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
    default: false
    }
  }

  /// A tagged scalar such as `!env SLACK_TOKEN`.
  static func tagged(_ tag: String, _ text: String) -> YAMLNode {
    .scalar(text, style: .plain, tag: tag)
  }

  /// Text, quoted whenever a YAML reader (hogctl's YAML 1.2 core schema, or an editor's YAML 1.1)
  /// could read the bare form as anything but this text.
  static func text(_ value: String) -> YAMLNode {
    if value.contains("\n") { return .scalar(value, style: .literal) }
    return .scalar(value, style: isPlainSafe(value) ? .plain : .doubleQuoted)
  }

  /// Words that YAML 1.1 or 1.2 read as booleans or null.
  private static let reservedWords: Set = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"]

  /// Conservative: text starting with a letter, `$`, `/` or `_`, without surrounding white space
  /// and not a reserved word. Whatever else would still need quoting (`: `, ` #`) libyaml
  /// quotes itself.
  static func isPlainSafe(_ value: String) -> Bool {
    guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
    guard first.properties.isAlphabetic || first == "$" || first == "/" || first == "_" else { return false }
    if last.properties.isWhitespace || reservedWords.contains(value.lowercased()) { return false }
    return !value.unicodeScalars.contains { $0.properties.isWhitespace && $0 != " " }
  }

  /// A JSON value as YAML: objects keep their key order; small collections of scalars are
  /// written on one line.
  static func from(_ value: JSONValue) -> YAMLNode {
    switch value {
    case .null: return .scalar("null", style: .plain)
    case .bool(let flag): return .scalar(flag ? "true" : "false", style: .plain)
    case .number(let number): return .scalar(numberText(number), style: .plain)
    case .string(let text): return .text(text)
    case .array(let items):
      let nodes = items.map(from)
      return .sequence(nodes, flow: fitsOnOneLine(nodes))
    case .object(let object):
      let pairs = object.sorted { rank($0.key) < rank($1.key) }.map { (key: $0.key, value: from($0.value)) }
      return .mapping(pairs, flow: fitsOnOneLine(pairs.map(\.value), keys: pairs.map(\.key)))
    }
  }

  /// Members that say what an item is come first (`{key: url, type: string, ...}`), the rest
  /// in key order.
  private static let leadingKeys = ["name", "key", "id", "type", "label", "description", "operator", "value"]

  private static func rank(_ key: String) -> (Int, String) {
    (leadingKeys.firstIndex(of: key) ?? leadingKeys.count, key)
  }

  /// Integers without a fraction; other numbers as Swift prints them (which YAML reads back).
  static func numberText(_ number: Double) -> String {
    if number.rounded() == number, abs(number) < 9_007_199_254_740_992 { return String(Int64(number)) }
    return "\(number)"
  }

  /// One line when every member is a short single-line scalar.
  private static func fitsOnOneLine(_ nodes: [YAMLNode], keys: [String] = []) -> Bool {
    var length = keys.reduce(0) { $0 + $1.count + 2 }
    for node in nodes {
      guard case .scalar(let text, let style, let tag) = node, style != .literal, tag == nil else {
        return false
      }
      length += text.count + 2
    }
    return length <= 60
  }
}
