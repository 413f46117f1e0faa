import Foundation

/// Manifest keys are plain names. When a file uses aliases, keys that are aliases, `?` explicit
/// keys or flow collections are refused from the text before parsing: such a key could only be
/// refused after its expansion was built (a "billion laughs" key up to the node budget, see
/// `YAMLComposer`), and refusing it up front names the line it is on.
enum AliasKeyGuard {
  /// The 1-based line and column of the first risky key, if any.
  static func firstRiskyKey(in text: String) -> (line: Int, column: Int)? {
    guard contains(text, UInt8(ascii: "*")), contains(text, UInt8(ascii: "&")) else { return nil }
    var lineNumber = 0
    // Lines of a `|` or `>` block scalar are text (e.g. Hog code), not keys.
    var blockIndent: Int?
    for scalars in YAMLLines.split(text) {
      lineNumber += 1
      let indent = scalars.prefix { $0 == " " }.count
      if let block = blockIndent {
        if indent == scalars.count || indent > block { continue }
        blockIndent = nil
      }
      if startsBlockScalar(scalars) { blockIndent = indent }
      let start = contentStart(scalars)
      guard start < scalars.count else { continue }
      if scalars[start] == "?", start + 1 == scalars.count || isBlank(scalars[start + 1]) {
        return (lineNumber, start + 1)
      }
      if scalars[start] == "[" || scalars[start] == "{", closesIntoKey(scalars) {
        return (lineNumber, start + 1)
      }
      if let column = aliasKey(scalars) { return (lineNumber, column) }
    }
    return nil
  }

  /// `memchr` over the text's bytes: every file is checked, and almost none has aliases.
  private static func contains(_ text: String, _ byte: UInt8) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard let start = bytes.baseAddress else { return false }
      return memchr(start, Int32(byte), bytes.count) != nil
    }
  }

  /// A line ending in a block scalar header: `|`, `>`, with optional `-`/`+` and indent digit.
  private static func startsBlockScalar(_ scalars: [Unicode.Scalar]) -> Bool {
    let text = String(String.UnicodeScalarView(scalars)).trimmingTrailingSpaces()
    guard let marker = text.lastIndex(where: { $0 == "|" || $0 == ">" }) else { return false }
    let header = text[text.index(after: marker)...]
    guard header.allSatisfy({ $0 == "-" || $0 == "+" || $0.isNumber }), header.count <= 2 else {
      return false
    }
    let before = text[..<marker]
    return before.isEmpty || before.hasSuffix(" ") || before.hasSuffix(":") || before.hasSuffix("-")
  }

  /// Skips indentation and `- ` sequence indicators.
  private static func contentStart(_ scalars: [Unicode.Scalar]) -> Int {
    var index = 0
    while index < scalars.count {
      if scalars[index] == " " || scalars[index] == "\t" {
        index += 1
      } else if scalars[index] == "-", index + 1 < scalars.count, isBlank(scalars[index + 1]) {
        index += 2
      } else {
        break
      }
    }
    return index
  }

  /// `]:` or `}:` followed by a space or the end of the line.
  private static func closesIntoKey(_ scalars: [Unicode.Scalar]) -> Bool {
    for index in scalars.indices.dropLast() where scalars[index] == "]" || scalars[index] == "}" {
      if scalars[index + 1] == ":", index + 2 == scalars.count || isBlank(scalars[index + 2]) { return true }
    }
    return false
  }

  /// `*name:` used as a key, in block or flow style.
  private static func aliasKey(_ scalars: [Unicode.Scalar]) -> Int? {
    for index in scalars.indices where scalars[index] == "*" {
      guard index == 0 || " \t{[,".unicodeScalars.contains(scalars[index - 1]) else { continue }
      var end = index + 1
      while end < scalars.count, isAnchorCharacter(scalars[end]) { end += 1 }
      guard end > index + 1 else { continue }
      while end < scalars.count, isBlank(scalars[end]) { end += 1 }
      guard end < scalars.count, scalars[end] == ":" else { continue }
      if end + 1 == scalars.count || " \t,}]".unicodeScalars.contains(scalars[end + 1]) { return index + 1 }
    }
    return nil
  }

  /// libyaml separates tokens with tabs as well as spaces.
  private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

  private static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " || text.last == "\t" || text.last == "\r" { text.removeLast() }
    return text
  }
}
