/// The kinds of token Hog's lexer produces; they follow PostHog's lexer (HogQLLexer.common.g4)
/// so the parser can accept exactly the programs PostHog accepts.
enum TokenKind: UInt8, Sendable {
  case identifier, quotedIdentifier
  case floating, binary, octal, decimal, hexadecimal, octalPrefix, malformedBinary
  case string
  /// `f'` opens a template string; `F'` opens a full template (the rest of the input).
  case templateStart, fullTemplateStart
  case stringText, stringTrigger, quote
  case arrow, asterisk, backquote, backslash, doubleColon, colonEquals, colon, comma, concat, dash, dot
  case eqDouble, eqSingle, gtEq, gt, hash, iregexSingle, iregexDouble
  case lbrace, lbracket, lparen, ltEq, ltSlash, lt, notEq, notIregex, notRegex
  case nullProperty, nullish, percent, plus, query, quoteDouble, regexSingle, regexDouble
  case rbrace, rbracket, rparen, semicolon, slash, slashGt
  case tagText
  case eof
}

/// Words with a meaning to the parser. Most double as identifiers; `reserved` ones never do.
enum Keyword: UInt8, Sendable {
  case all, and, `as`, between, by, `case`, cast, `catch`, cohort, date, distinct, `else`, end
  case except, filter, finally, fn, fun, `for`, from, `if`, ignore, ilike, `in`, inf, intersect
  case interval, `is`, lambda, `let`, like, materialized, nan, not, null, nulls, or, order, over
  case `return`, select, substring, then, `throw`, timestamp, trim, `try`, tryCast, `while`, when
  case with, within, both, leading, trailing
  case second, minute, hour, day, week, month, quarter, year

  static let byName: [String: Keyword] = {
    var table: [String: Keyword] = [
      "ALL": .all, "AND": .and, "AS": .as, "BETWEEN": .between, "BY": .by, "CASE": .case, "CAST": .cast,
      "CATCH": .catch, "COHORT": .cohort, "DATE": .date, "DISTINCT": .distinct, "ELSE": .else, "END": .end,
      "EXCEPT": .except, "FILTER": .filter, "FINALLY": .finally, "FN": .fn, "FUN": .fun, "FOR": .for,
      "FROM": .from, "IF": .if, "IGNORE": .ignore, "ILIKE": .ilike, "IN": .in, "INF": .inf,
      "INFINITY": .inf, "INTERSECT": .intersect, "INTERVAL": .interval, "IS": .is, "LAMBDA": .lambda,
      "LET": .let, "LIKE": .like, "MATERIALIZED": .materialized, "NAN": .nan, "NOT": .not, "NULL": .null,
      "NULLS": .nulls, "OR": .or, "ORDER": .order, "OVER": .over, "RETURN": .return, "SELECT": .select,
      "SUBSTRING": .substring, "THEN": .then, "THROW": .throw, "TIMESTAMP": .timestamp, "TRIM": .trim,
      "TRY": .try, "TRY_CAST": .tryCast, "WHILE": .while, "WHEN": .when, "WITH": .with, "WITHIN": .within,
      "BOTH": .both, "LEADING": .leading, "TRAILING": .trailing,
      "SECOND": .second, "MINUTE": .minute, "HOUR": .hour, "DAY": .day, "WEEK": .week, "MONTH": .month,
      "QUARTER": .quarter, "YEAR": .year, "YYYY": .year,
    ]
    table.reserveCapacity(table.count)
    return table
  }()

  /// Keywords PostHog's grammar never accepts where an identifier is expected.
  var isReserved: Bool {
    switch self {
    case .catch, .except, .finally, .fn, .fun, .intersect, .let, .materialized, .throw, .try, .while,
      .within, .inf, .nan, .null:
      return true
    default: return false
    }
  }

  var isInterval: Bool {
    switch self {
    case .second, .minute, .hour, .day, .week, .month, .quarter, .year: return true
    default: return false
    }
  }
}

struct Token: Sendable {
  var kind: TokenKind
  var keyword: Keyword?
  /// Scalar offsets of the token's text.
  var start: Int
  var end: Int

  /// An identifier in PostHog's sense: a plain or quoted name, or a keyword that is not reserved.
  var isIdentifier: Bool {
    switch kind {
    case .identifier: return !(keyword?.isReserved ?? false)
    case .quotedIdentifier: return true
    default: return false
    }
  }

  func isKeyword(_ word: Keyword) -> Bool { kind == .identifier && keyword == word }
}
