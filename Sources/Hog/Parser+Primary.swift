extension Parser {
  func isNumberStart(_ token: Token) -> Bool {
    switch token.kind {
    case .floating, .binary, .octal, .decimal, .hexadecimal, .octalPrefix: return true
    case .dot:
      let next = index + 2 < tokens.count ? tokens[index + 2] : token
      return next.kind == .decimal || next.kind == .octal
    case .identifier: return token.keyword == .inf || token.keyword == .nan
    default: return false
    }
  }

  /// `(PLUS | DASH)? (floating | octal | decimal | hex | binary | inf | nan)`, where a floating
  /// number may be `1.`, `1.5` or `.5` spelled as separate tokens.
  mutating func numberLiteral() throws -> HogNode {
    let start = current
    if kind == .plus || kind == .dash { advance() }
    switch kind {
    case .decimal:
      advance()
      if kind == .dot {
        advance()
        if kind == .decimal || kind == .octal { advance() }
      }
    case .dot:
      advance()
      guard kind == .decimal || kind == .octal else { throw unexpected("digits after '.'") }
      advance()
    case .octalPrefix:
      let token = advance()
      unsupported.append(
        ParseFailure(
          tokenIndex: index - 1,
          message:
            "'\(textOf(token))': octal numbers with a '0o' prefix are not supported; write a decimal number"))
    case .floating, .binary, .octal, .hexadecimal:
      advance()
    case .identifier where current.keyword == .inf || current.keyword == .nan:
      advance()
    default:
      throw unexpected("a number")
    }
    return HogNode(.number, range(from: start), text: textOf(start))
  }

  mutating func primary() throws -> HogNode {
    let start = current
    switch kind {
    case .decimal, .floating, .binary, .octal, .hexadecimal, .octalPrefix, .dot:
      return try numberLiteral()
    case .plus:
      guard isNumberStart(peek(1)) else { throw failure("expected a number after '+'", at: index + 1) }
      return try numberLiteral()
    case .string:
      advance()
      return HogNode(.string, range(from: start))
    case .templateStart:
      return try templateString()
    case .lparen:
      return try parenthesized()
    case .lbracket:
      let open = advance()
      return HogNode(.array, range(from: start), children: try arrayItems(open: open))
    case .lbrace:
      return try braced()
    case .lt:
      return try tagElement()
    case .asterisk:
      advance()
      return HogNode(.asterisk, range(from: start))
    case .hash:
      advance()
      guard kind == .decimal else { throw unexpected("a column number after '#'") }
      advance()
      return HogNode(.positional, range(from: start))
    case .identifier, .quotedIdentifier:
      return try namedExpression()
    default:
      throw unexpected("an expression")
    }
  }

  private mutating func arrayItems(open: Token) throws -> [HogNode] {
    try expressionList(until: .rbracket, symbol: "]", opener: open)
  }

  /// `(a, b) -> …`, `() -> …`, `(select …)`, `(expression)` or a tuple `(a, b)`.
  private mutating func parenthesized() throws -> HogNode {
    let start = current
    if let lambda = try lambdaIfPresent() { return lambda }
    let open = advance()
    if current.isKeyword(.select) || current.isKeyword(.with), peek(1).kind != .rparen,
      !isInfixStart(peek(1))
    {
      return try skipSubquery(open: open)
    }
    if kind == .rparen { throw unexpected("an expression") }
    let items = try expressionList(until: .rparen, symbol: ")", opener: open)
    let isTuple = items.count > 1 || tokens[index - 2].kind == .comma
    return isTuple ? HogNode(.tuple, range(from: start), children: items) : items[0]
  }

  private func isInfixStart(_ token: Token) -> Bool {
    switch token.kind {
    case .eqSingle, .eqDouble, .notEq, .plus, .slash, .percent, .concat, .query, .nullish, .lbracket, .dot,
      .nullProperty, .comma, .colonEquals, .doubleColon, .lt, .gt, .ltEq, .gtEq:
      return true
    default: return false
    }
  }

  /// A HogQL subquery inside a Hog program; hogctl checks only that its brackets balance.
  mutating func skipSubquery(open: Token) throws -> HogNode {
    var depth = 1
    while depth > 0 {
      switch kind {
      case .lparen: depth += 1
      case .rparen: depth -= 1
      case .eof:
        throw failure(
          "expected ')' to close '(' opened at \(lines.position(open.start)), found the end of the input")
      default: break
      }
      advance()
    }
    return HogNode(.subquery, range(from: open))
  }

  /// `{}` and `{key: value, …}` are dictionaries; `{expression}` is a placeholder.
  private mutating func braced() throws -> HogNode {
    let open = advance()
    if accept(.rbrace) != nil { return HogNode(.dictionary, range(from: open)) }
    let first = try expression()
    if kind == .rbrace {
      advance()
      return HogNode(.placeholder, range(from: open), children: [first])
    }
    var pairs: [HogNode] = []
    var key = first
    while true {
      guard accept(.colon) != nil else {
        throw failure(
          "expected ':' after a dictionary key or '}' to close '{' opened at \(lines.position(open.start)), found \(describe(current))"
        )
      }
      let value = try expression()
      pairs.append(HogNode(.pair, HogRange(key.range.start, value.range.end), children: [key, value]))
      guard accept(.comma) != nil, kind != .rbrace else { break }
      key = try expression()
    }
    _ = try expectClosing(.rbrace, "}", opener: open)
    return HogNode(.dictionary, range(from: open), children: pairs)
  }

  /// Whether a lambda's parameter list and `->` start at the current token.
  func lambdaAhead() -> Bool { lambdaArrowIndex() != nil }

  private func lambdaArrowIndex() -> Int? {
    var cursor = index
    let parenthesized = tokens[cursor].kind == .lparen
    if parenthesized { cursor += 1 }
    var count = 0
    while tokens[cursor].isIdentifier {
      count += 1
      cursor += 1
      guard tokens[cursor].kind == .comma else { break }
      cursor += 1
    }
    if parenthesized {
      guard tokens[cursor].kind == .rparen else { return nil }
      cursor += 1
    } else if count == 0 {
      return nil
    }
    return tokens[cursor].kind == .arrow ? cursor : nil
  }

  /// `a -> …`, `a, b -> …` and `(a, b) -> …`, `() -> …`, whose body is an expression or a block.
  private mutating func lambdaIfPresent() throws -> HogNode? {
    let start = current
    guard let arrow = lambdaArrowIndex() else { return nil }
    let parameters = tokens[index..<arrow].filter(\.isIdentifier)
    index = arrow + 1
    var children = parameters.map { HogNode(.identifier, HogRange($0.start, $0.end), text: textOf($0)) }
    if kind == .lbrace {
      // The grammar tries an expression (a dictionary) before a block.
      let saved = index
      do {
        children.append(try speculate { parser in try parser.expression() })
      } catch {
        index = saved
        children.append(try block())
      }
    } else {
      children.append(try expression())
    }
    return HogNode(.lambda, range(from: start), children: children)
  }

  /// Names, calls and the keyword forms that start with a name: `case`, `cast`, `interval`,
  /// `date '…'`, `lambda x: …`, `name := value` (a named argument), `true`/`null` and friends.
  private mutating func namedExpression() throws -> HogNode {
    let start = current
    if let lambda = try lambdaIfPresent() { return lambda }
    if let keyword = current.keyword, current.kind == .identifier {
      switch keyword {
      case .null:
        advance()
        return HogNode(.null, range(from: start))
      case .inf, .nan:
        return try numberLiteral()
      case .case:
        if let node = try? speculate({ parser in try parser.caseExpression() }) {
          return node
        }
      case .date, .timestamp:
        if peek(1).kind == .string {
          unsupported.append(
            ParseFailure(
              tokenIndex: index,
              message: "'\(textOf(current).lowercased()) '…'' literals are not supported in Hog"))
          advance()
          advance()
          return HogNode(.keywordExpression, range(from: start), text: textOf(start))
        }
      case .interval:
        if let node = try? speculate({ parser in try parser.intervalExpression() }) {
          return node
        }
      case .cast, .tryCast, .trim, .substring:
        if peek(1).kind == .lparen,
          let node = try? speculate({ parser in try parser.keywordCall(keyword) })
        {
          return node
        }
      case .lambda:
        if let node = try? speculate({ parser in try parser.colonLambda() }) {
          return node
        }
      default:
        break
      }
    }
    guard current.isIdentifier else { throw unexpected("an expression") }
    let name = advance()
    if kind == .colonEquals, name.kind == .identifier || name.kind == .quotedIdentifier {
      // `name := value` is an expression of its own (a named argument); a statement `x := 1`
      // parses as an assignment first.
      let saved = index
      advance()
      if let value = try? speculate({ parser in try parser.expression() }) {
        return HogNode(
          .namedArgument, range(from: start), text: textOf(name),
          children: [HogNode(.identifier, HogRange(name.start, name.end), text: textOf(name)), value])
      }
      index = saved
    }
    return HogNode(.identifier, HogRange(name.start, name.end), text: textOf(name))
  }

  private mutating func caseExpression() throws -> HogNode {
    let start = advance()
    var children: [HogNode] = []
    if !current.isKeyword(.when) {
      children.append(try expression())
    } else if peek(1).isKeyword(.when) {
      // `case when when x then …`: the first `when` is the value being matched, a name.
      children.append(try identifier())
    }
    guard current.isKeyword(.when) else { throw unexpected("'when'") }
    while current.isKeyword(.when) {
      children.append(try expression(after: .when, "'when'"))
      children.append(try expression(after: .then, "'then'"))
    }
    if current.isKeyword(.else) { children.append(try expression(after: .else, "'else'")) }
    try expectKeyword(.end, "'end' to close 'case'")
    return HogNode(.keywordExpression, range(from: start), text: "case", children: children)
  }

  mutating func expectKeyword(_ keyword: Keyword, _ what: String) throws {
    guard current.isKeyword(keyword) else { throw unexpected(what) }
    advance()
  }

  /// A keyword, then an expression.
  mutating func expression(after keyword: Keyword, _ what: String) throws -> HogNode {
    try expectKeyword(keyword, what)
    return try expression()
  }

  private mutating func intervalExpression() throws -> HogNode {
    let start = advance()
    if kind == .string {
      advance()
      return HogNode(.keywordExpression, range(from: start), text: "interval")
    }
    let amount = try expression()
    guard current.kind == .identifier, current.keyword?.isInterval == true else {
      throw unexpected("a time unit")
    }
    advance()
    return HogNode(.keywordExpression, range(from: start), text: "interval", children: [amount])
  }

  /// `cast(x AS type)`, `try_cast(…)`, `trim(BOTH 'x' FROM y)`, `substring(a FROM b FOR c)`.
  private mutating func keywordCall(_ keyword: Keyword) throws -> HogNode {
    let start = advance()
    let open = advance()
    var children: [HogNode] = []
    switch keyword {
    case .cast, .tryCast:
      children.append(try expression())
      try expectKeyword(.as, "'as'")
      try skipTypeExpression()
    case .trim:
      guard current.isKeyword(.both) || current.isKeyword(.leading) || current.isKeyword(.trailing) else {
        throw unexpected("'both', 'leading' or 'trailing'")
      }
      advance()
      guard kind == .string || kind == .templateStart else { throw unexpected("a string") }
      children.append(
        kind == .string
          ? HogNode(.string, HogRange(advance().start, tokens[index - 1].end)) : try templateString())
      children.append(try expression(after: .from, "'from'"))
    default:
      unsupported.append(
        ParseFailure(tokenIndex: index - 2, message: "'substring(… from …)' is not supported in Hog"))
      children.append(try expression())
      children.append(try expression(after: .from, "'from'"))
      if current.isKeyword(.for) { children.append(try expression(after: .for, "'for'")) }
    }
    _ = try expectClosing(.rparen, ")", opener: open)
    return HogNode(
      .keywordExpression, range(from: start), text: textOf(start).lowercased(), children: children)
  }

  /// A type after `cast(… AS`: a name, optionally with bracketed parameters.
  private mutating func skipTypeExpression() throws {
    guard current.isIdentifier else { throw unexpected("a type name") }
    advance()
    while current.isIdentifier { advance() }
    if let open = accept(.lparen) {
      var depth = 1
      while depth > 0 {
        if kind == .eof { throw failure("expected ')' to close '(' opened at \(lines.position(open.start))") }
        if kind == .lparen { depth += 1 }
        if kind == .rparen { depth -= 1 }
        advance()
      }
    }
    while kind == .lbracket {
      advance()
      _ = accept(.decimal)
      _ = try expect(.rbracket, "']'")
    }
  }

  private mutating func colonLambda() throws -> HogNode {
    let start = advance()
    var children = [try identifier()]
    while accept(.comma) != nil {
      if kind == .colon { break }
      children.append(try identifier())
    }
    _ = try expect(.colon, "':'")
    children.append(try expression())
    return HogNode(.lambda, range(from: start), children: children)
  }
}
