/// Where and why a parse attempt stopped; the error that reached furthest is the one reported,
/// as PostHog's ANTLR parser reports the token where every alternative failed.
struct ParseFailure: Error {
  var tokenIndex: Int
  var message: String
}

/// A recursive-descent parser over the token list. Where PostHog's grammar lets one input start
/// two ways (`if (x) …` a statement or a call of a function named `if`; `{…}` a block or a
/// dictionary) it tries them in the grammar's order and keeps the first that fits what follows.
struct Parser {
  let tokens: [Token]
  let text: [Unicode.Scalar]
  let lines: LineTable
  var index = 0
  var depth = 0
  private(set) var furthest: ParseFailure?
  /// Token indexes where a statement or expression is already known not to parse; keeps retries linear.
  var failedStatements: [Int: ParseFailure] = [:]
  var failedExpressions: [Int: ParseFailure] = [:]
  /// Forms the grammar allows but PostHog refuses after parsing (`date '…'`, `0o7`); reported only
  /// when the program parses, as PostHog does.
  var unsupported: [ParseFailure] = []
  /// Token indexes where an expression went on with a call, index or operator that could also
  /// have started the next statement; `cutoffs` are those where it must stop instead.
  var decisionPoints: [Int] = []
  var cutoffs: Set<Int> = []

  init(tokens: [Token], text: [Unicode.Scalar], lines: LineTable) {
    self.tokens = tokens
    self.text = text
    self.lines = lines
  }

  var current: Token { tokens[index] }
  var kind: TokenKind { tokens[index].kind }

  func peek(_ ahead: Int) -> Token {
    let position = index + ahead
    return position < tokens.count ? tokens[position] : tokens[tokens.count - 1]
  }

  func textOf(_ token: Token) -> String {
    var string = ""
    string.unicodeScalars.append(contentsOf: text[token.start..<token.end])
    return string
  }

  func describe(_ token: Token) -> String {
    if token.kind == .eof { return "the end of the input" }
    let shown = textOf(token)
    return "'\(shown.count > 20 ? String(shown.prefix(20)) + "…" : shown)'"
  }

  func position(ofToken tokenIndex: Int) -> HogPosition { lines.position(tokens[tokenIndex].start) }

  mutating func failure(_ message: String, at tokenIndex: Int? = nil) -> ParseFailure {
    let failure = ParseFailure(tokenIndex: tokenIndex ?? index, message: message)
    if failure.tokenIndex > (furthest?.tokenIndex ?? -1) { furthest = failure }
    return failure
  }

  mutating func unexpected(_ expectation: String) -> ParseFailure {
    failure("expected \(expectation), found \(describe(current))")
  }

  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[index]
    if token.kind != .eof { index += 1 }
    return token
  }

  mutating func accept(_ kind: TokenKind) -> Token? {
    guard self.kind == kind else { return nil }
    return advance()
  }

  mutating func expect(_ kind: TokenKind, _ what: String) throws -> Token {
    guard self.kind == kind else { throw unexpected(what) }
    return advance()
  }

  /// Expects the token closing a bracket, naming where the bracket opened.
  mutating func expectClosing(_ kind: TokenKind, _ symbol: String, opener: Token) throws -> Token {
    guard self.kind == kind else {
      let opened = lines.position(opener.start)
      throw failure(
        "expected '\(symbol)' to close '\(textOf(opener))' opened at \(opened), found \(describe(current))")
    }
    return advance()
  }

  mutating func enter() throws {
    depth += 1
    if depth > HogParser.maximumRecursion { throw failure("input too deeply nested") }
  }

  mutating func leave() { depth -= 1 }

  func range(from start: Token) -> HogRange {
    HogRange(start.start, index > 0 ? max(start.start, tokens[index - 1].end) : start.end)
  }

  /// Runs `attempt`; on failure puts the position back and rethrows.
  mutating func speculate<T>(_ attempt: (inout Parser) throws -> T) throws -> T {
    let saved = index
    let savedDepth = depth
    let savedUnsupported = unsupported.count
    do {
      return try attempt(&self)
    } catch {
      index = saved
      depth = savedDepth
      unsupported.removeLast(unsupported.count - savedUnsupported)
      throw error
    }
  }

  mutating func identifier(_ what: String = "a name") throws -> HogNode {
    guard current.isIdentifier else { throw unexpected(what) }
    let token = advance()
    return HogNode(.identifier, HogRange(token.start, token.end), text: textOf(token))
  }
}
