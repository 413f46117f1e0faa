/// A YAML node after alias expansion, with the position it was written at. Scalars keep the exact
/// text written, so YAML 1.1 readings (`no` as false, `0123` as 83) never happen behind the
/// user's back; each consumer decides how to read the text.
struct SourceNode: Sendable {
  enum ScalarStyle: Sendable {
    case plain
    case quoted
    case block
  }

  enum Kind: Sendable {
    case scalar(String, ScalarStyle)
    case mapping([SourcePair])
    case sequence([SourceNode])
  }

  var kind: Kind
  /// The explicit tag, such as `!env` or `tag:yaml.org,2002:str`; `nil` when none was written.
  var tag: String?
  /// Where the node starts, 1-based. The file is the document's, known to whoever reads the
  /// node: not repeating it in every node keeps them smaller and cheaper to copy.
  var line: Int32
  var column: Int32

  func location(in file: String) -> ManifestLocation {
    ManifestLocation(file: file, line: Int(line), column: Int(column))
  }

  var scalarText: String? {
    if case .scalar(let text, _) = kind { text } else { nil }
  }

  var isPlainScalar: Bool {
    if case .scalar(_, .plain) = kind { tag == nil } else { false }
  }

  /// A plain `null`, `~` or empty value.
  var isNull: Bool {
    guard isPlainScalar, let text = scalarText else { return false }
    switch text {
    case "", "~", "null", "Null", "NULL": return true
    default: return false
    }
  }

  /// A short description of what the node is, for error messages.
  var kindName: String {
    switch kind {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let text, let style):
      if isNull { return "null" }
      if let tag { return "\(tag) \(text.debugDescription)" }
      return style == .plain ? "`\(text)`" : "the string \(text.debugDescription)"
    }
  }
}

struct SourcePair: Sendable {
  var key: SourceNode
  var value: SourceNode

  /// The key's text; complex keys are refused while lowering.
  var keyText: String { key.scalarText ?? "" }
}

extension SourceNode: Equatable {}
extension SourceNode.ScalarStyle: Equatable {}
extension SourceNode.Kind: Equatable {}
extension SourcePair: Equatable {}
