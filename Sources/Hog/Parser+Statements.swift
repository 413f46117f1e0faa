extension Parser {
  mutating func program() throws -> HogNode {
    let start = current
    var declarations: [HogNode] = []
    while kind != .eof {
      guard canStartDeclaration(current) else { throw unexpected("a statement") }
      declarations.append(try declaration(insideBlock: false))
    }
    return HogNode(.program, HogRange(start.start, current.end), children: declarations)
  }

  func canStartDeclaration(_ token: Token) -> Bool {
    if token.kind == .semicolon || token.kind == .lbrace { return true }
    if token.kind == .identifier, let keyword = token.keyword {
      switch keyword {
      case .let, .throw, .try, .while, .fn, .fun: return true
      default: break
      }
    }
    return canStartExpression(token)
  }

  /// Whether the current token may come right after a statement: another statement, or the end
  /// of its block. `+` and `.` start a statement only as the sign or point of a number.
  func canFollowStatement(insideBlock: Bool) -> Bool {
    let token = current
    switch token.kind {
    case .eof: return !insideBlock
    case .rbrace: return insideBlock
    case .plus: return isNumberStart(peek(1))
    case .dot: return peek(1).kind == .decimal || peek(1).kind == .octal
    default: return canStartDeclaration(token)
    }
  }

  mutating func declaration(insideBlock: Bool) throws -> HogNode {
    if let failure = failedStatements[index] { throw failure }
    let start = index
    do {
      try enter()
      defer { leave() }
      let firstDecision = decisionPoints.count
      let node = try statement(insideBlock: insideBlock)
      if canFollowStatement(insideBlock: insideBlock) { return node }
      return try endingEarlier(node, from: start, decisionsFrom: firstDecision, insideBlock: insideBlock)
    } catch {
      failedStatements[start] = error as? ParseFailure
      throw error
    }
  }

  /// Tries statement forms in the grammar's order; the first that parses and is followed by
  /// something that may follow a statement wins, else the first that parses.
  private mutating func firstFitting(
    insideBlock: Bool, _ alternatives: [(inout Parser) throws -> HogNode]
  ) throws -> HogNode {
    var fallback: Int?
    var lastError: ParseFailure?
    let start = index
    let unsupportedBefore = unsupported.count
    for (number, alternative) in alternatives.enumerated() {
      do {
        let node = try speculate(alternative)
        if canFollowStatement(insideBlock: insideBlock) { return node }
        if fallback == nil { fallback = number }
        index = start
        unsupported.removeLast(unsupported.count - unsupportedBefore)
      } catch {
        lastError = error as? ParseFailure
      }
    }
    if let fallback { return try alternatives[fallback](&self) }
    throw lastError ?? unexpected("a statement")
  }

  /// A statement that parsed but is followed by something that cannot follow a statement may have
  /// gone one operator or call too far (`let y := a` then `(b) := 2` on the next line): PostHog's
  /// parser looks ahead and ends the expression earlier. Try ending it at each of the last few
  /// places where it went on; keep the first reading that the next token can follow.
  private mutating func endingEarlier(
    _ node: HogNode, from start: Int, decisionsFrom firstDecision: Int, insideBlock: Bool
  ) throws -> HogNode {
    let end = index
    let candidates = decisionPoints[firstDecision...].filter { $0 > start }.suffix(4).reversed()
    let unsupportedBefore = unsupported.count
    for cut in candidates {
      cutoffs.insert(cut)
      index = start
      failedStatements = failedStatements.filter { $0.key < start }
      failedExpressions = failedExpressions.filter { $0.key < start }
      if let shorter = try? speculate({ parser in try parser.statement(insideBlock: insideBlock) }),
        canFollowStatement(insideBlock: insideBlock)
      {
        return shorter
      }
      cutoffs.remove(cut)
      unsupported.removeLast(max(0, unsupported.count - unsupportedBefore))
    }
    index = end
    return node
  }

  private mutating func statement(insideBlock: Bool) throws -> HogNode {
    let token = current
    if token.kind == .semicolon {
      advance()
      return HogNode(.empty, HogRange(token.start, token.end))
    }
    if token.kind == .lbrace {
      return try firstFitting(
        insideBlock: insideBlock,
        [
          { parser in try parser.block() },
          { parser in try parser.expressionStatement() },
        ])
    }
    if token.kind == .identifier, let keyword = token.keyword {
      switch keyword {
      case .let: return try letDeclaration()
      case .throw:
        // Unlike `return`, `throw` needs a value.
        guard canStartExpression(peek(1)) else {
          throw failure("expected a value to throw, found \(describe(peek(1)))", at: index + 1)
        }
        return try returnOrThrow(.throwStatement)
      case .try: return try tryStatement()
      case .while: return try whileStatement(insideBlock: insideBlock)
      case .fn, .fun: return try functionDeclaration()
      case .return:
        return try firstFitting(
          insideBlock: insideBlock,
          [
            { parser in try parser.returnOrThrow(.returnStatement) },
            { parser in try parser.expressionStatement() },
          ])
      case .if:
        return try firstFitting(
          insideBlock: insideBlock,
          [
            { parser in try parser.ifStatement(insideBlock: insideBlock) },
            { parser in try parser.expressionStatement() },
          ])
      case .for:
        return try firstFitting(
          insideBlock: insideBlock,
          [
            { parser in try parser.forInStatement(insideBlock: insideBlock) },
            { parser in try parser.forStatement(insideBlock: insideBlock) },
            { parser in try parser.expressionStatement() },
          ])
      default: break
      }
    }
    return try expressionStatement()
  }

  mutating func block() throws -> HogNode {
    let open = try expect(.lbrace, "'{'")
    var declarations: [HogNode] = []
    while kind != .rbrace {
      guard canStartDeclaration(current) else {
        if kind == .eof {
          throw failure(
            "expected '}' to close '{' opened at \(lines.position(open.start)), found the end of the input")
        }
        throw unexpected("a statement or '}'")
      }
      declarations.append(try declaration(insideBlock: true))
    }
    advance()
    return HogNode(.block, range(from: open), children: declarations)
  }

  /// `let name` or `let name := value`.
  mutating func letDeclaration() throws -> HogNode {
    let start = advance()
    let name = try identifier("a variable name after 'let'")
    var children = [name]
    if accept(.colonEquals) != nil { children.append(try expression()) }
    return HogNode(.letDeclaration, range(from: start), children: children)
  }

  /// An expression, an assignment `target := value`, each with an optional `;`.
  mutating func expressionStatement() throws -> HogNode {
    let start = current
    let value = try expression()
    if accept(.colonEquals) != nil {
      let assigned = try expression()
      return HogNode(.assignment, range(from: start), children: [value, assigned])
    }
    _ = accept(.semicolon)
    return HogNode(.expressionStatement, range(from: start), children: [value])
  }

  mutating func returnOrThrow(_ kind: HogNode.Kind) throws -> HogNode {
    let start = advance()
    var children: [HogNode] = []
    if canStartExpression(current) { children.append(try expression()) }
    _ = accept(.semicolon)
    return HogNode(kind, range(from: start), children: children)
  }

  mutating func condition(after keyword: String) throws -> HogNode {
    let open = try expect(.lparen, "'(' after '\(keyword)'")
    let value = try expression()
    _ = try expectClosing(.rparen, ")", opener: open)
    return value
  }

  mutating func ifStatement(insideBlock: Bool) throws -> HogNode {
    let start = advance()
    var children = [try condition(after: "if")]
    children.append(try declarationStatement(insideBlock: insideBlock))
    if current.isKeyword(.else) {
      // `else` is also a name, so an expression statement may start with it; the grammar takes it
      // as the else branch whenever one can follow.
      let saved = index
      advance()
      do {
        children.append(
          try speculate { parser in
            try parser.declarationStatement(insideBlock: insideBlock)
          })
      } catch {
        index = saved
      }
    }
    return HogNode(.ifStatement, range(from: start), children: children)
  }

  /// A statement in a position where the grammar allows `statement` but not `let`.
  mutating func declarationStatement(insideBlock: Bool) throws -> HogNode {
    if current.isKeyword(.let) { throw unexpected("a statement ('let' is not allowed here)") }
    guard canStartDeclaration(current) else { throw unexpected("a statement") }
    return try declaration(insideBlock: insideBlock)
  }

  mutating func whileStatement(insideBlock: Bool) throws -> HogNode {
    let start = advance()
    let test = try condition(after: "while")
    let body = try declarationStatement(insideBlock: insideBlock)
    _ = accept(.semicolon)
    return HogNode(.whileStatement, range(from: start), children: [test, body])
  }

  mutating func forInStatement(insideBlock: Bool) throws -> HogNode {
    let start = advance()
    let open = try expect(.lparen, "'(' after 'for'")
    try expectKeyword(.let, "'let'")
    var children = [try identifier()]
    if accept(.comma) != nil { children.append(try identifier()) }
    children.append(try expression(after: .in, "'in'"))
    _ = try expectClosing(.rparen, ")", opener: open)
    children.append(try declarationStatement(insideBlock: insideBlock))
    _ = accept(.semicolon)
    return HogNode(.forInStatement, range(from: start), children: children)
  }

  mutating func forStatement(insideBlock: Bool) throws -> HogNode {
    let start = advance()
    let open = try expect(.lparen, "'(' after 'for'")
    var children: [HogNode] = []
    if kind != .semicolon {
      children.append(current.isKeyword(.let) ? try letDeclaration() : try forClause())
    }
    _ = try expect(.semicolon, "';' in 'for (…; …; …)'")
    if kind != .semicolon { children.append(try expression()) }
    _ = try expect(.semicolon, "';' in 'for (…; …; …)'")
    if kind != .rparen {
      children.append(current.isKeyword(.let) ? try letDeclaration() : try forClause())
    }
    _ = try expectClosing(.rparen, ")", opener: open)
    children.append(try declarationStatement(insideBlock: insideBlock))
    _ = accept(.semicolon)
    return HogNode(.forStatement, range(from: start), children: children)
  }

  private mutating func forClause() throws -> HogNode {
    let start = current
    let value = try expression()
    guard accept(.colonEquals) != nil else { return value }
    let assigned = try expression()
    return HogNode(.assignment, range(from: start), children: [value, assigned])
  }

  mutating func functionDeclaration() throws -> HogNode {
    let start = advance()
    var children = [try identifier("a function name")]
    let open = try expect(.lparen, "'(' after the function name")
    if kind != .rparen {
      repeat {
        if kind == .rparen { break }
        children.append(try dottedName())
      } while accept(.comma) != nil
    }
    _ = try expectClosing(.rparen, ")", opener: open)
    guard kind == .lbrace else { throw unexpected("'{' to start the function body") }
    children.append(try block())
    return HogNode(.functionDeclaration, range(from: start), children: children)
  }

  /// `name` or `name.name…` (the grammar's nestedIdentifier, used for parameters).
  private mutating func dottedName() throws -> HogNode {
    let start = current
    var name = try identifier("a parameter name")
    while kind == .dot, peek(1).isIdentifier {
      advance()
      name = HogNode(.property, range(from: start), children: [name, try identifier()])
    }
    return name
  }

  mutating func tryStatement() throws -> HogNode {
    let start = advance()
    guard kind == .lbrace else { throw unexpected("'{' after 'try'") }
    var children = [try block()]
    while current.isKeyword(.catch) {
      let catchStart = advance()
      var parts: [HogNode] = []
      if let open = accept(.lparen) {
        parts.append(try identifier("the error's name"))
        if accept(.colon) != nil { parts.append(try identifier("the error's type")) }
        _ = try expectClosing(.rparen, ")", opener: open)
      }
      guard kind == .lbrace else { throw unexpected("'{' after 'catch'") }
      parts.append(try block())
      children.append(HogNode(.catchClause, range(from: catchStart), children: parts))
    }
    if current.isKeyword(.finally) {
      advance()
      guard kind == .lbrace else { throw unexpected("'{' after 'finally'") }
      children.append(try block())
    }
    return HogNode(.tryStatement, range(from: start), children: children)
  }
}
