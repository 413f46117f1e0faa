import HogctlJSON

/// How a plain scalar is typed where any JSON value is allowed (input values, defaults, test
/// globals): YAML 1.2's core schema, not YAML 1.1. `true`/`false` (any case) are booleans,
/// `null`/`~`/empty are null, decimal, `0o` octal and `0x` hex integers and decimal floats are
/// numbers; everything else (`yes`, `on`, `no`, `.inf`, `.nan`, dates) stays text.
enum ScalarTyping {
  static func coreValue(of text: String) -> JSONValue {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    default: break
    }
    if let integer = integer(text) { return .number(Double(integer)) }
    if isDecimalFloat(text), let number = Double(text) { return .number(number) }
    return .string(text)
  }

  /// Decimal (`-12`, `+3`), `0o17` and `0x1F` integers.
  static func integer(_ text: String) -> Int? {
    if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
    if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
    return decimalInteger(text)
  }

  static func decimalInteger(_ text: String) -> Int? {
    let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
  }

  /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
  static func isDecimalFloat(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
    let mantissaEnd = rest.firstIndex { $0 == "e" || $0 == "E" } ?? rest.endIndex
    let mantissa = rest[..<mantissaEnd]
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
      return false
    }
    guard parts.contains(where: { !$0.isEmpty }) else { return false }
    if parts.count == 2, parts[0].isEmpty, parts[1].isEmpty { return false }
    guard mantissaEnd != rest.endIndex else { return true }
    var exponent = rest[rest.index(after: mantissaEnd)...]
    if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
    return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
  }
}
