import HogctlCore

/// Scalars, tags and one-line flow collections for `PlainYAMLParser`, following libyaml's
/// scanner (`scanner.c`) for the cases the subset accepts.
extension PlainYAMLParser {
  /// Whether a plain scalar may start with `byte`. Indicators are left to libyaml, except a `-`
  /// that starts a word (`-1`).
  static func canStartPlain(_ byte: UInt8, next: UInt8) -> Bool {
    switch byte {
    case 0, ASCII.newline, ASCII.space: return false
    case ASCII.dash: return !isBlankOrEnd(next) && !isFlowIndicator(next)
    case UInt8(ascii: "?"), ASCII.colon, ASCII.comma, ASCII.openBracket, ASCII.closeBracket, ASCII.openBrace,
      ASCII.closeBrace, ASCII.hash, UInt8(ascii: "&"), UInt8(ascii: "*"), ASCII.bang, ASCII.pipe,
      UInt8(ascii: ">"), ASCII.singleQuote, ASCII.doubleQuote, ASCII.percent, UInt8(ascii: "@"),
      UInt8(ascii: "`"):
      return false
    default: return true
    }
  }

  static func isFlowIndicator(_ byte: UInt8) -> Bool {
    byte == ASCII.comma || byte == ASCII.openBracket || byte == ASCII.closeBracket || byte == ASCII.openBrace
      || byte == ASCII.closeBrace
  }

  /// A plain scalar in block context, up to the end of the line or a ` #` comment. A `: ` inside
  /// would start a mapping, and a scalar that goes on to the next line is folded: both are left
  /// to libyaml (the callers refuse a more indented line after a value).
  mutating func parseBlockPlainText() throws(Unsupported) -> String {
    guard Self.canStartPlain(peek(), next: peek(1)) else { throw Unsupported() }
    let start = position
    var end = position
    while true {
      let byte = peek()
      if Self.isLineEnd(byte) { break }
      if byte == ASCII.space {
        if peek(1) == ASCII.hash { break }
      } else {
        if byte == ASCII.colon, Self.isBlankOrEnd(peek(1)) { throw Unsupported() }
        end = position + 1
      }
      position += 1
    }
    return string(from: start, to: end)
  }

  /// A plain scalar inside a flow collection, up to `,`, a bracket or `: `.
  mutating func parseFlowPlainText() throws(Unsupported) -> String {
    guard Self.canStartPlain(peek(), next: peek(1)) else { throw Unsupported() }
    let start = position
    var end = position
    while true {
      let byte = peek()
      if Self.isLineEnd(byte) { throw Unsupported() }
      if Self.isFlowIndicator(byte) { break }
      if byte == ASCII.space {
        if peek(1) == ASCII.hash { throw Unsupported() }
      } else {
        if byte == ASCII.colon {
          let next = peek(1)
          if next == ASCII.space { break }
          // libyaml refuses `:` before these, or reads a value on the next line.
          if Self.isLineEnd(next) || Self.isFlowIndicator(next) || next == UInt8(ascii: "?") {
            throw Unsupported()
          }
        }
        end = position + 1
      }
      position += 1
    }
    return string(from: start, to: end)
  }

  /// A quoted scalar that closes on its line; `position` ends after the closing quote. Of the
  /// escapes, `\\`, `\"`, `\n` and `\t` are read here and the others are left to libyaml.
  mutating func parseQuotedText() throws(Unsupported) -> String {
    let quote = peek()
    position += 1
    let start = position
    var decoded: [UInt8]?
    while true {
      let byte = peek()
      if Self.isLineEnd(byte) { throw Unsupported() }
      if byte == quote {
        guard quote == ASCII.singleQuote, peek(1) == ASCII.singleQuote else { break }
        if decoded == nil { decoded = Array(bytes[start..<position]) }
        decoded?.append(quote)
        position += 2
        continue
      }
      if byte == ASCII.backslash, quote == ASCII.doubleQuote {
        let escaped: UInt8
        switch peek(1) {
        case ASCII.backslash: escaped = ASCII.backslash
        case ASCII.doubleQuote: escaped = ASCII.doubleQuote
        case UInt8(ascii: "n"): escaped = ASCII.newline
        case UInt8(ascii: "t"): escaped = UInt8(ascii: "\t")
        default: throw Unsupported()
        }
        if decoded == nil { decoded = Array(bytes[start..<position]) }
        decoded?.append(escaped)
        position += 2
        continue
      }
      decoded?.append(byte)
      position += 1
    }
    let text = decoded.map { String(decoding: $0, as: UTF8.self) } ?? string(from: start, to: position)
    position += 1  // the closing quote
    return text
  }

  /// `!name` followed by a space, as libyaml resolves it with the default `!` handle.
  mutating func parseTag() throws(Unsupported) -> String {
    position += 1  // the `!`
    let start = position
    while true {
      let byte = peek()
      let isNameByte =
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == ASCII.dash
        || byte == UInt8(ascii: "_")
      guard isNameByte else { break }
      position += 1
    }
    guard position > start, peek() == ASCII.space else { throw Unsupported() }
    let tag = "!" + string(from: start, to: position)
    skipSpaces()
    return tag
  }

  /// A literal block (`|`, `|-` or `|+`) whose first line sets its indentation. Returns with
  /// `position` at the start of the first line after it. Leading blank lines and indentation
  /// indicators are left to libyaml.
  mutating func parseLiteralBlock(parentIndent: Int) throws(Unsupported) -> String {
    position += 1  // the `|`
    var chomping = 0
    if peek() == ASCII.dash || peek() == UInt8(ascii: "+") {
      chomping = peek() == ASCII.dash ? -1 : 1
      position += 1
    }
    skipSpaces()
    if peek() == ASCII.hash { skipToLineEnd() }
    guard peek() == ASCII.newline else { throw Unsupported() }
    nextLine()
    skipSpaces()
    let indent = position - lineStart
    guard !Self.isLineEnd(peek()), indent > parentIndent else { throw Unsupported() }
    // Gathered in the parser's buffer, which keeps its capacity from one block to the next.
    var content = blockText
    blockText = []
    content.removeAll(keepingCapacity: true)
    defer { blockText = content }
    var endsInBreak = false
    var emptyLines = 0
    // At the start of a line: consume it if it belongs to the block.
    while true {
      position = lineStart
      skipSpaces()
      let spaces = position - lineStart
      let byte = peek()
      if byte == ASCII.newline, spaces <= indent {
        emptyLines += 1
        nextLine()
        continue
      }
      guard spaces > indent || (spaces == indent && byte != 0) else { break }
      if endsInBreak { content.append(ASCII.newline) }
      content.append(contentsOf: repeatElement(ASCII.newline, count: emptyLines))
      emptyLines = 0
      position = lineStart + indent
      let textStart = position
      skipToLineEnd()
      content.append(contentsOf: bytes[textStart..<position])
      endsInBreak = peek() == ASCII.newline
      guard endsInBreak else { break }
      nextLine()
    }
    if chomping != -1, endsInBreak { content.append(ASCII.newline) }
    if chomping == 1 { content.append(contentsOf: repeatElement(ASCII.newline, count: emptyLines)) }
    if position < bytes.count { position = lineStart }
    return String(decoding: content, as: UTF8.self)
  }

  // MARK: Flow collections

  /// `{...}` or `[...]` closed on the same line; `position` ends after the closing bracket.
  mutating func parseFlowCollection() throws(Unsupported) -> SourceNode {
    try enter()
    defer { depth -= 1 }
    try countNode()
    let (startLine, startColumn) = (line, column)
    let isMapping = peek() == ASCII.openBrace
    let closing = isMapping ? ASCII.closeBrace : ASCII.closeBracket
    position += 1
    skipSpaces()
    let (firstPair, firstItem) = (pendingPairs.count, pendingItems.count)
    var keys = MappingKeys()
    if peek() != closing {
      while true {
        if isMapping {
          let key = try parseFlowKey()
          let value = try parseFlowValue()
          let text = key.scalarText ?? ""
          guard text != "<<",
            pendingPairs.withMembers(from: firstPair, { keys.position(of: text, among: $0) }) == nil
          else {
            throw Unsupported()
          }
          pendingPairs.append(SourcePair(key: key, value: value))
        } else {
          pendingItems.append(try parseFlowValue())
          if peek() == ASCII.colon { throw Unsupported() }
        }
        skipSpaces()
        guard peek() == ASCII.comma else { break }
        position += 1
        skipSpaces()
        if peek() == closing { throw Unsupported() }
      }
    }
    guard peek() == closing else { throw Unsupported() }
    position += 1
    let kind: SourceNode.Kind =
      isMapping ? .mapping(pendingPairs.take(from: firstPair)) : .sequence(pendingItems.take(from: firstItem))
    return SourceNode(kind: kind, tag: nil, line: startLine, column: startColumn)
  }

  /// A key in a flow mapping and its `: `.
  private mutating func parseFlowKey() throws(Unsupported) -> SourceNode {
    try countNode()
    let (keyLine, keyColumn) = (line, column)
    let quoted = peek() == ASCII.doubleQuote || peek() == ASCII.singleQuote
    let text = quoted ? try parseQuotedText() : try parseFlowPlainText()
    guard peek() == ASCII.colon, peek(1) == ASCII.space else { throw Unsupported() }
    position += 1
    skipSpaces()
    return SourceNode(
      kind: .scalar(text, quoted ? .quoted : .plain), tag: nil, line: keyLine, column: keyColumn)
  }

  /// A value in a flow collection: a scalar, possibly tagged, or a nested collection.
  private mutating func parseFlowValue() throws(Unsupported) -> SourceNode {
    let (startLine, startColumn) = (line, column)
    var tag: String?
    switch peek() {
    case ASCII.openBrace, ASCII.openBracket:
      return try parseFlowCollection()
    case ASCII.bang:
      tag = try parseTag()
    default:
      break
    }
    try countNode()
    let quoted = peek() == ASCII.doubleQuote || peek() == ASCII.singleQuote
    let text = quoted ? try parseQuotedText() : try parseFlowPlainText()
    return SourceNode(
      kind: .scalar(text, quoted ? .quoted : .plain), tag: tag, line: startLine, column: startColumn)
  }
}
