/// Splits Hog source into tokens the way PostHog's ANTLR lexer does: longest match, case-insensitive
/// keywords, and modes for template strings (`f'…{expr}…'`) and HogQLX tags (`<tag attr={expr} />`).
///
/// The whole input is lexed before parsing, as PostHog does, so a character no rule matches is
/// reported even when a parse error comes before it.
struct Lexer {
  enum Mode { case normal, template, fullTemplate, tagOpen, tagClose, tagText }

  let text: [Unicode.Scalar]
  private(set) var tokens: [Token] = []
  /// The first error that stops PostHog's lexer outright (an unmatched `}`, a stray character in a tag).
  private(set) var fatalError: (message: String, offset: Int)?
  /// The first character outside every token rule; reported before any parse error.
  private(set) var unexpected: (message: String, offset: Int)?
  private var index = 0
  private var modes: [Mode] = []

  init(text: [Unicode.Scalar], startMode: Mode = .normal) {
    self.text = text
    self.modes = startMode == .normal ? [] : [startMode]
  }

  private var mode: Mode { modes.last ?? .normal }

  private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
    let position = index + ahead
    return position < text.count ? text[position] : nil
  }

  mutating func run() {
    tokens.reserveCapacity(text.count / 3 + 1)
    while index < text.count, fatalError == nil {
      switch mode {
      case .normal: lexNormal()
      case .template: lexTemplate()
      case .fullTemplate: lexFullTemplate()
      case .tagOpen: lexTagOpen()
      case .tagClose: lexTagClose()
      case .tagText: lexTagText()
      }
    }
    tokens.append(Token(kind: .eof, start: text.count, end: text.count))
  }

  /// Emits a token of `length` scalars at `start`, leaving the current mode if `pop` and then
  /// entering `push`.
  private mutating func emit(
    _ kind: TokenKind, at start: Int, length: Int, pop: Bool = false, push: Mode? = nil
  ) {
    index = start + length
    if pop { modes.removeLast() }
    if let push { modes.append(push) }
    emit(kind, start)
  }

  private mutating func emit(_ kind: TokenKind, _ start: Int, keyword: Keyword? = nil) {
    tokens.append(Token(kind: kind, keyword: keyword, start: start, end: index))
  }

  private mutating func fail(_ message: String, at offset: Int) {
    if fatalError == nil { fatalError = (message, offset) }
  }

  static func describe(_ scalar: Unicode.Scalar) -> String {
    let code = String(scalar.value, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
    if scalar.isASCII, scalar.value >= 0x20, scalar.value < 0x7F { return "'\(scalar)' (U+\(padded))" }
    return "U+\(padded)"
  }

  // MARK: Default mode

  private mutating func lexNormal() {
    let start = index
    let scalar = text[index]
    if CharacterClass.isWhitespace(scalar) {
      index += 1
      return
    }
    if CharacterClass.isIdentifierStart(scalar) {
      if scalar == "f" || scalar == "F", peek(1) == "'" {
        index += 2
        if scalar == "f" {
          modes.append(.template)
          emit(.templateStart, start)
        } else {
          modes.append(.fullTemplate)
          emit(.fullTemplateStart, start)
        }
        return
      }
      index += 1
      while let next = peek(), CharacterClass.isIdentifierPart(next) { index += 1 }
      emit(.identifier, start, keyword: keyword(start, index))
      return
    }
    if CharacterClass.isDigit(scalar) || (scalar == "." && peek(1).map(CharacterClass.isDigit) == true) {
      if let (kind, length) = NumberScanner.scan(text, start) {
        index = start + length
        emit(kind, start)
        return
      }
    }
    switch scalar {
    case "'":
      index = QuotedScanner.scan(text, start, quote: "'", allowsBackslashQuote: true) ?? start + 1
      emit(index == start + 1 ? .quote : .string, start)
    case "`", "\"":
      if let end = QuotedScanner.scan(text, start, quote: scalar, allowsBackslashQuote: true) {
        index = end
        emit(.quotedIdentifier, start)
      } else {
        index += 1
        emit(scalar == "`" ? .backquote : .quoteDouble, start)
      }
    case "/":
      if peek(1) == "*", let end = commentEnd(from: start + 2) {
        index = end
      } else if peek(1) == "/" {
        skipLineComment()
      } else {
        index += peek(1) == ">" ? 2 : 1
        emit(index - start == 2 ? .slashGt : .slash, start)
      }
    case "-":
      if peek(1) == "-" {
        skipLineComment()
      } else {
        index += peek(1) == ">" ? 2 : 1
        emit(index - start == 2 ? .arrow : .dash, start)
      }
    case "{": emit(.lbrace, at: start, length: 1, push: .normal)
    case "}":
      index += 1
      if modes.isEmpty {
        fail("unmatched '}'", at: start)
        return
      }
      modes.removeLast()
      emit(.rbrace, start)
    case "<":
      lexLessThan(start)
    default:
      lexOperator(start, scalar)
    }
  }

  /// Operators and punctuation handled here, longest spelling first so the longest match wins.
  private static let operators: [(spelling: [Unicode.Scalar], kind: TokenKind)] =
    ([
      ("=~*", .iregexDouble), ("!~*", .notIregex), ("::", .doubleColon), (":=", .colonEquals),
      ("||", .concat),
      ("==", .eqDouble), ("=~", .regexDouble), (">=", .gtEq), ("~*", .iregexSingle), ("!=", .notEq),
      ("!~", .notRegex), ("?.", .nullProperty), ("??", .nullish), ("*", .asterisk), ("\\", .backslash),
      (":", .colon), (",", .comma), (".", .dot), ("=", .eqSingle), (">", .gt), ("#", .hash),
      ("~", .regexSingle),
      ("[", .lbracket), ("(", .lparen), ("?", .query), ("%", .percent), ("+", .plus), ("]", .rbracket),
      (")", .rparen), (";", .semicolon),
    ] as [(String, TokenKind)]).map { (Array($0.0.unicodeScalars), $0.1) }

  private mutating func lexOperator(_ start: Int, _ scalar: Unicode.Scalar) {
    for candidate in Lexer.operators where candidate.spelling[0] == scalar {
      let spelling = candidate.spelling
      guard start + spelling.count <= text.count else { continue }
      if spelling.indices.allSatisfy({ text[start + $0] == spelling[$0] }) {
        index = start + spelling.count
        emit(candidate.kind, start)
        return
      }
    }
    index = start + 1
    if unexpected == nil { unexpected = ("unexpected character \(Lexer.describe(scalar))", start) }
  }

  private mutating func lexLessThan(_ start: Int) {
    switch peek(1) {
    case "=": emit(.ltEq, at: start, length: 2)
    case ">": emit(.notEq, at: start, length: 2)
    case "/": emit(.ltSlash, at: start, length: 2, push: .tagClose)
    default:
      index += 1
      if isOpeningTag() { modes.append(.tagOpen) }
      emit(.lt, start)
    }
  }

  /// PostHog's `isOpeningTag()`: `<` opens a tag when a name follows directly and then `>`, `/`, or
  /// white space (and `//`, `--`, `#` comments) before a name character, `>` or `/`.
  private func isOpeningTag() -> Bool {
    guard let first = peek(), CharacterClass.isASCIILetter(first) || first == "_" else { return false }
    var position = index + 1
    while position < text.count, CharacterClass.isTagNamePart(text[position]) { position += 1 }
    guard position < text.count else { return false }
    let after = text[position]
    if after == ">" || after == "/" { return true }
    guard CharacterClass.isCSpace(after) else { return false }
    position += 1
    while position < text.count {
      let scalar = text[position]
      if CharacterClass.isCSpace(scalar) {
        position += 1
        continue
      }
      let next = position + 1 < text.count ? text[position + 1] : nil
      if (scalar == "/" && next == "/") || (scalar == "-" && next == "-") {
        position += 2
      } else if scalar == "#" {
        position += 1
      } else {
        break
      }
      while position < text.count, text[position] != "\n", text[position] != "\r" { position += 1 }
    }
    guard position < text.count else { return false }
    let scalar = text[position]
    return CharacterClass.isASCIIAlphanumeric(scalar) || scalar == "_" || scalar == ">" || scalar == "/"
  }

  private func commentEnd(from position: Int) -> Int? {
    var cursor = position
    while cursor + 1 < text.count {
      if text[cursor] == "*", text[cursor + 1] == "/" { return cursor + 2 }
      cursor += 1
    }
    return nil
  }

  private mutating func skipLineComment() {
    while let scalar = peek(), scalar != "\n", scalar != "\r" { index += 1 }
    if peek() != nil { index += 1 }
  }

  private func keyword(_ start: Int, _ end: Int) -> Keyword? {
    let length = end - start
    guard length >= 2, length <= 12 else { return nil }
    var name = ""
    name.unicodeScalars.reserveCapacity(length)
    for position in start..<end {
      let scalar = text[position]
      let value = scalar.value
      name.unicodeScalars.append(value >= 97 && value <= 122 ? Unicode.Scalar(value - 32)! : scalar)
    }
    return Keyword.byName[name]
  }

  // MARK: Template strings

  private mutating func lexTemplate() {
    let start = index
    let scalar = text[index]
    if scalar == "{" {
      emit(.stringTrigger, at: start, length: 1, push: .normal)
      return
    }
    if scalar == "'", peek(1) != "'" {
      emit(.quote, at: start, length: 1, pop: true)
      return
    }
    while index < text.count {
      let current = text[index]
      if current == "{" { break }
      if current == "'" {
        if peek(1) == "'" {
          index += 2
          continue
        }
        break
      }
      if current == "\\" {
        if let length = QuotedScanner.escapeLength(text, index, quote: "'", allowsBrace: true) {
          index += length
          continue
        }
        // PostHog's lexer reports a bad escape on the console and drops the backslash.
        if index > start { emit(.stringText, start) }
        index += 1
        return
      }
      index += 1
    }
    if index > start { emit(.stringText, start) }
  }

  private mutating func lexFullTemplate() {
    let start = index
    if text[index] == "{" {
      emit(.stringTrigger, at: start, length: 1, push: .normal)
      return
    }
    while index < text.count {
      if text[index] == "{", !(index > start && text[index - 1] == "\\") { break }
      index += 1
    }
    emit(.stringText, start)
  }

  // MARK: HogQLX tags

  private mutating func lexTagOpen() {
    let start = index
    let scalar = text[index]
    switch scalar {
    case " ", "\t", "\r", "\n": index += 1
    case "/" where peek(1) == ">": emit(.slashGt, at: start, length: 2, pop: true)
    case ">": emit(.gt, at: start, length: 1, pop: true, push: .tagText)
    case "=": emit(.eqSingle, at: start, length: 1)
    case "{": emit(.lbrace, at: start, length: 1, push: .normal)
    case "'":
      if let end = QuotedScanner.scan(text, start, quote: "'", allowsBackslashQuote: true) {
        index = end
        emit(.string, start)
      } else {
        fail("unexpected character \(Lexer.describe(scalar))", at: start)
      }
    default:
      if lexTagName(start) { return }
      fail("unexpected character \(Lexer.describe(scalar))", at: start)
    }
  }

  private mutating func lexTagClose() {
    let start = index
    let scalar = text[index]
    switch scalar {
    case " ", "\t", "\r", "\n": index += 1
    case ">": emit(.gt, at: start, length: 1, pop: true)
    default:
      if lexTagName(start) { return }
      fail("unexpected character \(Lexer.describe(scalar))", at: start)
    }
  }

  private mutating func lexTagName(_ start: Int) -> Bool {
    guard CharacterClass.isASCIILetter(text[start]) || text[start] == "_" else { return false }
    index += 1
    while let next = peek(), CharacterClass.isTagNamePart(next) { index += 1 }
    emit(.identifier, start)
    return true
  }

  private mutating func lexTagText() {
    let start = index
    switch text[index] {
    case "{": emit(.lbrace, at: start, length: 1, push: .normal)
    case "<":
      if peek(1) == "/" {
        emit(.ltSlash, at: start, length: 2, pop: true, push: .tagClose)
      } else {
        emit(.lt, at: start, length: 1, push: .tagOpen)
      }
    default:
      while let scalar = peek(), scalar != "<", scalar != "{" { index += 1 }
      emit(.tagText, start)
    }
  }
}
