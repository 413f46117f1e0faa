/// A node of a parsed Hog program: what it is, where it is, and its parts in source order.
///
/// One value type for every node keeps the tree cheap to build and to walk; `kind` says which
/// statement or expression it is and `text` holds the name, operator or literal text where there is one.
public struct HogNode: Sendable, Hashable {
  public enum Kind: String, Sendable {
    case program, block
    case letDeclaration, assignment, expressionStatement, returnStatement, throwStatement, ifStatement
    case whileStatement, forStatement, forInStatement, functionDeclaration, tryStatement, catchClause, empty
    case identifier, number, string, template, null, placeholder, array, tuple, dictionary, pair, lambda
    case call, index, slice, property, nullSafeProperty, nullSafeIndex, typeCast, binary, unary, between
    case ternary, alias, isNull, namedArgument, tag, attribute, tagText, keywordExpression, subquery, asterisk
    case positional, templateText
  }

  public var kind: Kind
  public var range: HogRange
  public var text: String?
  public var children: [HogNode]

  public init(_ kind: Kind, _ range: HogRange, text: String? = nil, children: [HogNode] = []) {
    self.kind = kind
    self.range = range
    self.text = text
    self.children = children
  }
}
