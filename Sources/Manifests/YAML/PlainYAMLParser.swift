import HogctlCore

/// Reads the plain YAML that manifests are almost always written in straight into `SourceNode`s,
/// without libyaml: block mappings and lists, flow collections on one line, one-line plain and
/// quoted scalars, literal `|` blocks and `!tag` scalars, in ASCII text. Anything else (anchors,
/// folded or multi-line scalars, tabs, several documents, any syntax error, a duplicate key)
/// makes it give up, and `YAMLDocumentReader` hands the file to libyaml, which stays the
/// reference. For the files it reads, the nodes, texts and positions are exactly libyaml's and
/// `YAMLComposer`'s; tests and the fuzz target compare the two readings (`YAMLReaderCrossCheck`).
struct PlainYAMLParser {
  /// Outside the subset: the caller reads the file with libyaml instead.
  struct Unsupported: Error {}

  static let maximumDepth = 100

  let bytes: UnsafeBufferPointer<UInt8>
  /// The byte being read; `bytes.count` at the end of the text.
  var position = 0
  /// The current line, 1-based, and the offset where it starts.
  var line: Int32 = 1
  var lineStart = 0
  var produced = 0
  var depth = 0
  /// The pairs and items of the collections being read (shared by copies of the parser, which
  /// only read keys ahead).
  let pendingPairs = PendingMembers<SourcePair>()
  let pendingItems = PendingMembers<SourceNode>()
  /// The text of the literal block being read.
  var blockText: [UInt8] = []

  /// The document's root mapping, or `nil` when the text is outside the subset.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> SourceNode? {
    guard isPlainASCII(bytes) else { return nil }
    var parser = PlainYAMLParser(bytes: bytes)
    return try? parser.parseDocument()
  }

  /// Printable ASCII and `\n` only: no tabs, no `\r`, no control characters, and so one byte
  /// per column.
  static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // Without an early exit, so the loop has no branches and is vectorised: every file read
    // passes through it, and nearly every one passes.
    var outside: UInt8 = 0
    for byte in bytes {
      let printable = byte &- ASCII.space < 0x7F - ASCII.space
      outside |= printable || byte == ASCII.newline ? 0 : 1
    }
    return outside == 0
  }

  private mutating func parseDocument() throws(Unsupported) -> SourceNode {
    guard let indent = try skipToContentLine(), indent == 0 else { throw Unsupported() }
    let root = try parseBlockMapping(indent: 0)
    guard try skipToContentLine() == nil else { throw Unsupported() }
    return root
  }

  // MARK: Reading bytes

  /// The byte `offset` ahead, or 0 past the end (0 never occurs in accepted text).
  func peek(_ offset: Int = 0) -> UInt8 {
    let index = position + offset
    return index < bytes.count ? bytes[index] : 0
  }

  /// 1-based, as libyaml reports it.
  var column: Int32 { Int32(truncatingIfNeeded: position - lineStart + 1) }

  static func isLineEnd(_ byte: UInt8) -> Bool { byte == ASCII.newline || byte == 0 }
  static func isBlankOrEnd(_ byte: UInt8) -> Bool { byte == ASCII.space || isLineEnd(byte) }

  mutating func skipSpaces() {
    while position < bytes.count, bytes[position] == ASCII.space { position += 1 }
  }

  /// Moves past the line break at `position`, if there is one.
  mutating func nextLine() {
    guard position < bytes.count, bytes[position] == ASCII.newline else { return }
    position += 1
    line += 1
    lineStart = position
  }

  mutating func skipToLineEnd() {
    while !Self.isLineEnd(peek()) { position += 1 }
  }

  /// After a value: blanks, an optional comment and the end of the line.
  mutating func finishLine() throws(Unsupported) {
    skipSpaces()
    if peek() == ASCII.hash { skipToLineEnd() }
    guard Self.isLineEnd(peek()) else { throw Unsupported() }
    nextLine()
  }

  /// From the start of a line, skips blank and comment lines. Returns the indent of the next
  /// line with content, with `position` on its first character, or `nil` at the end of the text.
  mutating func skipToContentLine() throws(Unsupported) -> Int? {
    while position < bytes.count {
      skipSpaces()
      let byte = peek()
      if byte == ASCII.hash {
        skipToLineEnd()
      } else if byte != ASCII.newline && byte != 0 {
        let indent = position - lineStart
        // Document markers and directives start a new document or configure this one.
        if indent == 0, byte == ASCII.percent || startsMarker(ASCII.dash) || startsMarker(ASCII.dot) {
          throw Unsupported()
        }
        return indent
      }
      nextLine()
    }
    return nil
  }

  private func startsMarker(_ byte: UInt8) -> Bool {
    peek() == byte && peek(1) == byte && peek(2) == byte
  }

  mutating func countNode() throws(Unsupported) {
    produced += 1
    if produced >= YAMLComposer.maximumNodes { throw Unsupported() }
  }

  mutating func enter() throws(Unsupported) {
    depth += 1
    if depth > Self.maximumDepth { throw Unsupported() }
  }

  // MARK: Block collections

  /// A block mapping whose first key is at `position`, in column `indent` (0-based). Returns
  /// with `position` on the next content line, or at the end.
  private mutating func parseBlockMapping(indent: Int) throws(Unsupported) -> SourceNode {
    try enter()
    defer { depth -= 1 }
    try countNode()
    let (startLine, startColumn) = (line, column)
    let first = pendingPairs.count
    var keys = MappingKeys()
    while true {
      if startsSequenceEntry { throw Unsupported() }
      let key = try parseKey()
      let value = try parseMappingValue(indent: indent)
      let text = key.scalarText ?? ""
      // Merge keys and repeated keys are left to YAMLComposer, which explains them.
      guard text != "<<", pendingPairs.withMembers(from: first, { keys.position(of: text, among: $0) }) == nil
      else {
        throw Unsupported()
      }
      pendingPairs.append(SourcePair(key: key, value: value))
      guard let next = currentIndent, next >= indent else { break }
      if next > indent { throw Unsupported() }
    }
    return SourceNode(
      kind: .mapping(pendingPairs.take(from: first)), tag: nil, line: startLine, column: startColumn)
  }

  /// The indent of the content line `position` is on, or `nil` at the end of the text.
  private var currentIndent: Int? {
    position < bytes.count ? position - lineStart : nil
  }

  /// A key and its `:`.
  private mutating func parseKey() throws(Unsupported) -> SourceNode {
    try countNode()
    let (keyLine, keyColumn) = (line, column)
    let text: String
    let style: SourceNode.ScalarStyle
    if peek() == ASCII.doubleQuote || peek() == ASCII.singleQuote {
      text = try parseQuotedText()
      style = .quoted
      guard peek() == ASCII.colon, Self.isBlankOrEnd(peek(1)) else { throw Unsupported() }
    } else {
      guard Self.canStartPlain(peek(), next: peek(1)) else { throw Unsupported() }
      let start = position
      while !(peek() == ASCII.colon && Self.isBlankOrEnd(peek(1))) {
        let byte = peek()
        if Self.isLineEnd(byte) || (byte == ASCII.space && peek(1) == ASCII.hash) { throw Unsupported() }
        position += 1
      }
      // libyaml limits simple keys to 1024 characters; a space before the `:` is rare.
      guard position - start <= 1000, bytes[position - 1] != ASCII.space else { throw Unsupported() }
      text = string(from: start, to: position)
      style = .plain
    }
    position += 1  // the `:`
    return SourceNode(kind: .scalar(text, style), tag: nil, line: keyLine, column: keyColumn)
  }

  /// What follows a key's `:`: a value on the same line, a block collection on the next lines,
  /// or nothing (null, placed just after the `:` as libyaml places it).
  private mutating func parseMappingValue(indent: Int) throws(Unsupported) -> SourceNode {
    let (colonLine, afterColon) = (line, column)
    skipSpaces()
    let byte = peek()
    guard Self.isLineEnd(byte) || byte == ASCII.hash else {
      return try parseInlineNode(parentIndent: indent)
    }
    skipToLineEnd()
    nextLine()
    let null = SourceNode(kind: .scalar("", .plain), tag: nil, line: colonLine, column: afterColon)
    guard let next = try skipToContentLine() else {
      try countNode()
      return null
    }
    let entry = startsSequenceEntry
    if next > indent {
      return entry ? try parseBlockSequence(indent: next) : try parseBlockMapping(indent: next)
    }
    if next == indent, entry { return try parseBlockSequence(indent: indent) }
    try countNode()
    return null
  }

  private var startsSequenceEntry: Bool {
    peek() == ASCII.dash && Self.isBlankOrEnd(peek(1))
  }

  /// A block list whose first `-` is at `position`, in column `indent`; also a list written at
  /// its key's indent.
  private mutating func parseBlockSequence(indent: Int) throws(Unsupported) -> SourceNode {
    try enter()
    defer { depth -= 1 }
    try countNode()
    let (startLine, startColumn) = (line, column)
    let first = pendingItems.count
    while true {
      position += 1  // the `-`
      guard peek() == ASCII.space else { throw Unsupported() }
      skipSpaces()
      let byte = peek()
      if Self.isLineEnd(byte) || byte == ASCII.hash || startsSequenceEntry { throw Unsupported() }
      let item =
        startsKey
        ? try parseBlockMapping(indent: position - lineStart) : try parseInlineNode(parentIndent: indent)
      pendingItems.append(item)
      guard let next = currentIndent, next >= indent else { break }
      if next > indent { throw Unsupported() }
      if !startsSequenceEntry { break }
    }
    return SourceNode(
      kind: .sequence(pendingItems.take(from: first)), tag: nil, line: startLine, column: startColumn)
  }

  /// Whether the text at `position` is a key followed by `:` (so a list item is a mapping):
  /// read as one by a copy of the parser, which is a few integers and a pointer.
  private var startsKey: Bool {
    var probe = self
    return (try? probe.parseKey()) != nil
  }

  /// A value that starts on its key's (or its `-`'s) line. Returns with `position` on the next
  /// content line, or at the end.
  private mutating func parseInlineNode(parentIndent: Int) throws(Unsupported) -> SourceNode {
    let (startLine, startColumn) = (line, column)
    var tag: String?
    if peek() == ASCII.bang {
      tag = try parseTag()
      let byte = peek()
      if Self.isLineEnd(byte) || byte == ASCII.hash || byte == ASCII.openBrace || byte == ASCII.openBracket {
        throw Unsupported()
      }
    }
    let kind: SourceNode.Kind
    switch peek() {
    case ASCII.pipe:
      try countNode()
      let text = try parseLiteralBlock(parentIndent: parentIndent)
      _ = try skipToContentLine()
      return SourceNode(kind: .scalar(text, .block), tag: tag, line: startLine, column: startColumn)
    case ASCII.doubleQuote, ASCII.singleQuote:
      try countNode()
      kind = .scalar(try parseQuotedText(), .quoted)
    case ASCII.openBrace, ASCII.openBracket:
      let node = try parseFlowCollection()
      try finishLine()
      _ = try skipToContentLine()
      return node
    default:
      try countNode()
      kind = .scalar(try parseBlockPlainText(), .plain)
    }
    try finishLine()
    _ = try skipToContentLine()
    return SourceNode(kind: kind, tag: tag, line: startLine, column: startColumn)
  }

  func string(from start: Int, to end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }
}

/// The bytes the parser looks for.
enum ASCII {
  static let newline = UInt8(ascii: "\n")
  static let space = UInt8(ascii: " ")
  static let hash = UInt8(ascii: "#")
  static let colon = UInt8(ascii: ":")
  static let comma = UInt8(ascii: ",")
  static let dash = UInt8(ascii: "-")
  static let dot = UInt8(ascii: ".")
  static let percent = UInt8(ascii: "%")
  static let bang = UInt8(ascii: "!")
  static let pipe = UInt8(ascii: "|")
  static let backslash = UInt8(ascii: "\\")
  static let doubleQuote = UInt8(ascii: "\"")
  static let singleQuote = UInt8(ascii: "'")
  static let openBrace = UInt8(ascii: "{")
  static let closeBrace = UInt8(ascii: "}")
  static let openBracket = UInt8(ascii: "[")
  static let closeBracket = UInt8(ascii: "]")
}
