/// Binding strength of PostHog's operators, tightest last; postfix forms (calls, `[]`, `.`, `?.`,
/// `::`) bind tighter than all of these.
enum Precedence {
  static let alias = 1
  static let ternary = 2
  static let between = 3
  static let or = 4
  static let and = 5
  static let not = 6
  static let nullish = 7
  static let isDistinct = 8
  static let isNull = 9
  static let ignoreNulls = 10
  static let comparison = 11
  static let additive = 12
  static let multiplicative = 13
  static let negate = 14
}

extension Parser {
  func canStartExpression(_ token: Token) -> Bool {
    switch token.kind {
    case .identifier:
      guard let keyword = token.keyword else { return true }
      return !keyword.isReserved || keyword == .null || keyword == .inf || keyword == .nan
    case .quotedIdentifier, .floating, .binary, .octal, .decimal, .hexadecimal, .octalPrefix, .string,
      .templateStart, .dash, .plus, .dot, .asterisk, .hash, .lbrace, .lbracket, .lparen, .lt:
      return true
    default: return false
    }
  }

  mutating func expression() throws -> HogNode { try expression(minimum: 0) }

  /// Keywords that continue an expression; after `not` they make `not` a name (`not between a and b`).
  func isInfixKeyword(_ token: Token) -> Bool {
    guard token.kind == .identifier, let keyword = token.keyword else { return false }
    switch keyword {
    case .and, .or, .between, .like, .ilike, .in, .is, .as: return true
    default: return false
    }
  }

  mutating func standaloneExpression() throws -> HogNode {
    let node = try expression()
    guard kind == .eof else { throw unexpected("the end of the expression") }
    return node
  }

  mutating func expression(minimum: Int) throws -> HogNode {
    if minimum == 0, let failure = failedExpressions[index] { throw failure }
    let startIndex = index
    do {
      try enter()
      defer { leave() }
      let start = current
      var left = try prefixExpression()
      while true {
        left = try postfix(left, start: start)
        guard let next = try infix(left, start: start, minimum: minimum) else { break }
        left = next
      }
      return left
    } catch {
      if minimum == 0 { failedExpressions[startIndex] = error as? ParseFailure }
      throw error
    }
  }

  private mutating func prefixExpression() throws -> HogNode {
    let start = current
    if kind == .dash {
      if isNumberStart(peek(1)) { return try numberLiteral() }
      advance()
      let operand = try expression(minimum: Precedence.negate)
      return HogNode(.unary, range(from: start), text: "-", children: [operand])
    }
    if current.isKeyword(.not), canStartExpression(peek(1)), !isInfixKeyword(peek(1)) {
      advance()
      let operand = try expression(minimum: Precedence.not)
      return HogNode(.unary, range(from: start), text: "not", children: [operand])
    }
    return try primary()
  }

  /// Calls, indexing, slices, property access, `?.` and `::` casts, which bind tightest.
  private mutating func postfix(_ base: HogNode, start: Token) throws -> HogNode {
    var node = base
    while true {
      if cutoffs.contains(index) { return node }
      switch kind {
      case .lparen:
        // `(a, b) -> …` after an expression starts a new statement (a lambda), not a call.
        if lambdaAhead() { return node }
        decisionPoints.append(index)
        node = try call(node, start: start)
      case .lbracket:
        // `x[]` is `x` followed by an empty array, never an index.
        if peek(1).kind == .rbracket { return node }
        decisionPoints.append(index)
        node = try subscriptAccess(node, start: start, nullSafe: false)
      case .dot:
        let next = peek(1)
        if next.kind == .decimal || next.isIdentifier {
          advance()
          let name = advance()
          node = HogNode(.property, range(from: start), text: textOf(name), children: [node])
        } else if next.kind == .asterisk {
          advance()
          advance()
          node = HogNode(.asterisk, range(from: start), children: [node])
        } else {
          throw failure("expected a property name after '.', found \(describe(next))", at: index + 1)
        }
      case .nullProperty:
        let next = peek(1)
        if next.kind == .lbracket {
          advance()
          node = try subscriptAccess(node, start: start, nullSafe: true)
        } else if next.kind == .decimal || next.isIdentifier {
          advance()
          let name = advance()
          node = HogNode(.nullSafeProperty, range(from: start), text: textOf(name), children: [node])
        } else {
          throw failure("expected a property name after '?.', found \(describe(next))", at: index + 1)
        }
      case .doubleColon:
        advance()
        node = try typeCast(node, start: start)
      default:
        return node
      }
    }
  }

  private mutating func call(_ callee: HogNode, start: Token) throws -> HogNode {
    let open = advance()
    if current.isKeyword(.select) || current.isKeyword(.with), peek(1).kind != .rparen {
      let query = try skipSubquery(open: open)
      return HogNode(.call, range(from: start), children: [callee, query])
    }
    var children = [callee]
    if current.isKeyword(.distinct), canStartExpression(peek(1)) { advance() }
    children.append(contentsOf: try expressionList(until: .rparen, symbol: ")", opener: open))
    return HogNode(.call, range(from: start), children: children)
  }

  private mutating func subscriptAccess(_ base: HogNode, start: Token, nullSafe: Bool)
    throws -> HogNode
  {
    let open = advance()
    if !nullSafe, kind == .colon {
      advance()
      let upper = kind == .rbracket ? nil : try expression()
      _ = try expectClosing(.rbracket, "]", opener: open)
      return HogNode(.slice, range(from: start), children: [base] + (upper.map { [$0] } ?? []))
    }
    let key = try expression()
    if !nullSafe, accept(.colon) != nil {
      let upper = kind == .rbracket ? nil : try expression()
      _ = try expectClosing(.rbracket, "]", opener: open)
      return HogNode(.slice, range(from: start), children: [base, key] + (upper.map { [$0] } ?? []))
    }
    _ = try expectClosing(.rbracket, "]", opener: open)
    return HogNode(nullSafe ? .nullSafeIndex : .index, range(from: start), children: [base, key])
  }

  private mutating func typeCast(_ base: HogNode, start: Token) throws -> HogNode {
    let token = current
    let isTypeName =
      token.kind == .quotedIdentifier
      || (token.kind == .identifier
        && (token.keyword == nil || token.keyword!.isInterval || token.keyword == .date
          || token.keyword == .timestamp || token.keyword == .interval
          || textOf(token).uppercased() == "TIME"))
    guard isTypeName else { throw unexpected("a type name after '::'") }
    advance()
    if current.isKeyword(.with) {
      let saved = index
      advance()
      if textOf(current).uppercased() == "LOCAL" { advance() }
      if textOf(current).uppercased() == "TIME", textOf(peek(1)).uppercased() == "ZONE" {
        advance()
        advance()
      } else {
        index = saved
      }
    }
    return HogNode(.typeCast, range(from: start), text: textOf(token), children: [base])
  }

  /// The binary and postfix operators below postfix access, by precedence climbing.
  private mutating func infix(_ left: HogNode, start: Token, minimum: Int) throws -> HogNode? {
    let token = current
    func binary(_ precedence: Int, _ operatorLength: Int, rightAssociative: Bool = false)
      throws -> HogNode?
    {
      guard precedence >= minimum, canStartExpression(peek(operatorLength)), !cutoffs.contains(index) else {
        return nil
      }
      if operatorLength == 1, [.dash, .plus, .asterisk, .lt].contains(kind) { decisionPoints.append(index) }
      var name = ""
      for _ in 0..<operatorLength { name += (name.isEmpty ? "" : " ") + textOf(advance()) }
      let right = try expression(minimum: rightAssociative ? precedence : precedence + 1)
      return HogNode(.binary, range(from: start), text: name, children: [left, right])
    }
    switch token.kind {
    case .asterisk, .slash, .percent: return try binary(Precedence.multiplicative, 1)
    case .plus, .dash, .concat: return try binary(Precedence.additive, 1)
    case .eqDouble, .eqSingle, .notEq, .ltEq, .lt, .gtEq, .gt, .regexSingle, .regexDouble, .notRegex,
      .iregexSingle, .iregexDouble, .notIregex:
      return try binary(Precedence.comparison, 1)
    case .nullish: return try binary(Precedence.nullish, 1)
    case .query:
      guard Precedence.ternary >= minimum else { return nil }
      advance()
      let then = try expression()
      _ = try expect(.colon, "':' in 'condition ? a : b'")
      let otherwise = try expression(minimum: Precedence.ternary)
      return HogNode(.ternary, range(from: start), children: [left, then, otherwise])
    case .identifier:
      return try keywordInfix(left, start: start, minimum: minimum)
    default:
      return nil
    }
  }

  private mutating func keywordInfix(_ left: HogNode, start: Token, minimum: Int) throws -> HogNode? {
    guard let keyword = current.keyword else { return nil }
    func operand(_ precedence: Int, _ name: String, skip: Int) throws -> HogNode? {
      // Like PostHog's parser, an operator with nothing after it ends the expression instead.
      guard canStartExpression(peek(skip)) else { return nil }
      for _ in 0..<skip { advance() }
      let right = try expression(minimum: precedence + 1)
      return HogNode(.binary, range(from: start), text: name, children: [left, right])
    }
    switch keyword {
    case .and:
      guard Precedence.and >= minimum else { return nil }
      return try operand(Precedence.and, "and", skip: 1)
    case .or:
      guard Precedence.or >= minimum else { return nil }
      return try operand(Precedence.or, "or", skip: 1)
    case .in:
      guard Precedence.comparison >= minimum else { return nil }
      let cohort = peek(1).isKeyword(.cohort) && canStartExpression(peek(2))
      return try operand(Precedence.comparison, cohort ? "in cohort" : "in", skip: cohort ? 2 : 1)
    case .like, .ilike:
      guard Precedence.comparison >= minimum else { return nil }
      return try operand(Precedence.comparison, textOf(current).lowercased(), skip: 1)
    case .not:
      let next = peek(1)
      if next.isKeyword(.in) {
        guard Precedence.comparison >= minimum else { return nil }
        let cohort = peek(2).isKeyword(.cohort) && canStartExpression(peek(3))
        return try operand(Precedence.comparison, cohort ? "not in cohort" : "not in", skip: cohort ? 3 : 2)
      }
      if next.isKeyword(.like) || next.isKeyword(.ilike) {
        guard Precedence.comparison >= minimum else { return nil }
        return try operand(Precedence.comparison, "not " + textOf(next).lowercased(), skip: 2)
      }
      if next.isKeyword(.between) {
        guard Precedence.between >= minimum else { return nil }
        let saved = index
        advance()
        if let node = try? speculate({ parser in try parser.between(left, start: start) }) { return node }
        index = saved
        return nil
      }
      return nil
    case .between:
      guard Precedence.between >= minimum else { return nil }
      // A `between` that does not fit ends the expression; it is then a name starting the next one.
      return try? speculate { parser in try parser.between(left, start: start) }
    case .is:
      var offset = 1
      if peek(offset).isKeyword(.not) { offset += 1 }
      if peek(offset).isKeyword(.null) {
        guard Precedence.isNull >= minimum else { return nil }
        for _ in 0...offset { advance() }
        return HogNode(
          .isNull, range(from: start), text: offset == 2 ? "is not null" : "is null", children: [left])
      }
      if peek(offset).isKeyword(.distinct), peek(offset + 1).isKeyword(.from) {
        guard Precedence.isDistinct >= minimum else { return nil }
        return try operand(Precedence.isDistinct, "is distinct from", skip: offset + 2)
      }
      return nil
    case .ignore:
      guard Precedence.ignoreNulls >= minimum, peek(1).isKeyword(.nulls) else { return nil }
      advance()
      advance()
      return HogNode(.unary, range(from: start), text: "ignore nulls", children: [left])
    case .as:
      guard Precedence.alias >= minimum else { return nil }
      let next = peek(1)
      guard next.isIdentifier || next.kind == .string else { return nil }
      advance()
      let name = advance()
      return HogNode(.alias, range(from: start), text: textOf(name), children: [left])
    default:
      return nil
    }
  }

  private mutating func between(_ left: HogNode, start: Token) throws -> HogNode {
    advance()
    let low = try expression(minimum: Precedence.and + 1)
    guard current.isKeyword(.and) else { throw unexpected("'and' in 'between … and …'") }
    advance()
    let high = try expression(minimum: Precedence.between + 1)
    return HogNode(.between, range(from: start), children: [left, low, high])
  }

  /// Items separated by commas, an optional trailing comma, then the closing bracket.
  mutating func expressionList(until closing: TokenKind, symbol: String, opener: Token)
    throws -> [HogNode]
  {
    var items: [HogNode] = []
    while kind != closing {
      items.append(try expression())
      guard accept(.comma) != nil else { break }
    }
    _ = try expectClosing(closing, symbol, opener: opener)
    return items
  }
}
