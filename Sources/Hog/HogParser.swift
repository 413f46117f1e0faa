/// Parses Hog programs and template strings, accepting exactly what PostHog's parser accepts
/// (its grammar: HogQLParser.g4) and reporting errors in plain words with line:column.
public enum HogParser {
  /// PostHog refuses nesting deeper than this with "input too deeply nested".
  public static let maximumDepth = 1000
  /// hogctl's own bound on recursion that brackets do not count (`not not … x`, `if (…) if (…) …`).
  static let maximumRecursion = 5000

  /// PostHog counts open brackets over the token stream before parsing: more than 1,000 `(`, `[`
  /// or `{` open at once is an error, whatever the program means.
  static func bracketNestingLimitExceeded(_ tokens: [Token]) -> Int? {
    var depth = 0
    for token in tokens {
      switch token.kind {
      case .lparen, .lbracket, .lbrace:
        depth += 1
        if depth > maximumDepth { return token.start }
      case .rparen, .rbracket, .rbrace: depth -= 1
      default: break
      }
    }
    return nil
  }

  /// Parses a whole Hog program (the `hog` field of a hog function).
  public static func parseProgram(_ source: String) -> Result<HogNode, HogSyntaxError> {
    run(Array(source.unicodeScalars), mode: .normal) { parser in try parser.program() }
  }

  /// Parses a template string as PostHog's `parse_string_template` does: text with `{expression}`
  /// holes (inputs with `templating: hog`). `\{` writes a literal brace.
  public static func parseTemplate(_ template: String) -> Result<HogNode, HogSyntaxError> {
    run(Array(template.unicodeScalars), mode: .fullTemplate) { parser in try parser.fullTemplate() }
  }

  /// Parses a single expression, as PostHog's `parse_expr`.
  public static func parseExpression(_ source: String) -> Result<HogNode, HogSyntaxError> {
    run(Array(source.unicodeScalars), mode: .normal) { parser in try parser.standaloneExpression() }
  }

  private static func run(
    _ scalars: [Unicode.Scalar], mode: Lexer.Mode,
    _ body: @escaping @Sendable (inout Parser) throws -> HogNode
  ) -> Result<HogNode, HogSyntaxError> {
    // Short inputs cannot nest deep enough to need more than the caller's stack.
    if scalars.count < 512 { return parse(scalars, mode: mode, body) }
    return LargeStack.run { parse(scalars, mode: mode, body) }
  }

  private static func parse(
    _ scalars: [Unicode.Scalar], mode: Lexer.Mode, _ body: (inout Parser) throws -> HogNode
  ) -> Result<HogNode, HogSyntaxError> {
    var lexer = Lexer(text: scalars, startMode: mode)
    lexer.run()
    let lines = LineTable(scalars)
    if let failure = lexer.fatalError ?? lexer.unexpected {
      return .failure(HogSyntaxError(message: failure.message, position: lines.position(failure.offset)))
    }
    if let tooDeep = bracketNestingLimitExceeded(lexer.tokens) {
      return .failure(HogSyntaxError(message: "input too deeply nested", position: lines.position(tooDeep)))
    }
    var parser = Parser(tokens: lexer.tokens, text: scalars, lines: lines)
    do {
      let node = try body(&parser)
      if let refused = parser.unsupported.first {
        let offset = lexer.tokens[refused.tokenIndex].start
        return .failure(HogSyntaxError(message: refused.message, position: lines.position(offset)))
      }
      return .success(node)
    } catch {
      let failure =
        parser.furthest ?? (error as? ParseFailure) ?? ParseFailure(tokenIndex: 0, message: "\(error)")
      let offset =
        failure.tokenIndex < lexer.tokens.count ? lexer.tokens[failure.tokenIndex].start : scalars.count
      return .failure(HogSyntaxError(message: failure.message, position: lines.position(offset)))
    }
  }
}
