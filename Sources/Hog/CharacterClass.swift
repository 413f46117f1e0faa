/// Character tests of PostHog's lexer, which knows ASCII letters only.
enum CharacterClass {
  static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

  static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value | 0x20
    return isDigit(scalar) || (value >= 97 && value <= 102)
  }

  static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    isASCIILetter(scalar) || isDigit(scalar)
  }

  static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    isASCIILetter(scalar) || scalar == "_" || scalar == "$"
  }

  static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    isIdentifierStart(scalar) || isDigit(scalar)
  }

  static func isTagNamePart(_ scalar: Unicode.Scalar) -> Bool {
    isASCIIAlphanumeric(scalar) || scalar == "_" || scalar == "-"
  }

  /// C's `isspace` in the "C" locale.
  static func isCSpace(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value == 32 || (value >= 9 && value <= 13)
  }

  /// PostHog's WHITESPACE rule: Unicode `White_Space` plus U+FEFF (a byte-order mark).
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 32 || (value >= 9 && value <= 13) }
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
    default: return false
    }
  }
}
