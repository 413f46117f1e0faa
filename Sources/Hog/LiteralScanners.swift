/// Number tokens by longest match over PostHog's number rules; on a tie the rule PostHog declares
/// first wins (floating, binary, octal, decimal, hexadecimal, `0o` octal, malformed binary).
enum NumberScanner {
  static func scan(_ text: [Unicode.Scalar], _ start: Int) -> (TokenKind, Int)? {
    func at(_ position: Int) -> Unicode.Scalar? { position < text.count ? text[position] : nil }
    func run(_ position: Int, _ test: (Unicode.Scalar) -> Bool) -> Int {
      var cursor = position
      while let scalar = at(cursor), test(scalar) { cursor += 1 }
      return cursor - position
    }
    /// `[eE|pP] [+-]? digits` at position; its length or nil.
    func exponent(_ position: Int, _ letters: Set<Unicode.Scalar>) -> Int? {
      guard let letter = at(position), letters.contains(letter) else { return nil }
      var cursor = position + 1
      if at(cursor) == "+" || at(cursor) == "-" { cursor += 1 }
      let digits = run(cursor, CharacterClass.isDigit)
      return digits > 0 ? cursor + digits - position : nil
    }
    var candidates: [(TokenKind, Int)] = []
    let decimal = run(start, CharacterClass.isDigit)
    let isZeroPrefix = text[start] == "0"
    let second = at(start + 1).map { Unicode.Scalar($0.value | 0x20)! }
    var floating = 0
    if isZeroPrefix, second == "x" {
      let hex = run(start + 2, CharacterClass.isHexDigit)
      if hex > 0 {
        let afterHex = start + 2 + hex
        if at(afterHex) == "." {
          let fraction = run(afterHex + 1, CharacterClass.isHexDigit)
          if let length = exponent(afterHex + 1 + fraction, ["p", "P"]) {
            floating = max(floating, 3 + hex + fraction + length)
          }
        }
        if let length = exponent(afterHex, ["p", "P"]) { floating = max(floating, 2 + hex + length) }
        candidates.append((.hexadecimal, 2 + hex))
      }
    }
    if decimal > 0 {
      let afterDigits = start + decimal
      if at(afterDigits) == "." {
        let fraction = run(afterDigits + 1, CharacterClass.isDigit)
        if let length = exponent(afterDigits + 1 + fraction, ["e", "E"]) {
          floating = max(floating, decimal + 1 + fraction + length)
        }
      }
      if let length = exponent(afterDigits, ["e", "E"]) { floating = max(floating, decimal + length) }
    } else if text[start] == "." {
      let fraction = run(start + 1, CharacterClass.isDigit)
      if fraction > 0, let length = exponent(start + 1 + fraction, ["e", "E"]) {
        floating = max(floating, 1 + fraction + length)
      }
    }
    if floating > 0 { candidates.insert((.floating, floating), at: 0) }
    if isZeroPrefix, second == "b" {
      let bits = run(start + 2, { $0 == "0" || $0 == "1" })
      if bits > 0 { candidates.append((.binary, 2 + bits)) }
    }
    if isZeroPrefix {
      let octal = run(start + 1, { $0.value >= 48 && $0.value <= 55 })
      if octal > 0 { candidates.append((.octal, 1 + octal)) }
    }
    if decimal > 0 { candidates.append((.decimal, decimal)) }
    if isZeroPrefix, second == "o" {
      let digits = run(start + 2, CharacterClass.isDigit)
      if digits > 0 { candidates.append((.octalPrefix, 2 + digits)) }
    }
    if isZeroPrefix, second == "b" {
      let digits = run(start + 2, CharacterClass.isDigit)
      if digits > 0 { candidates.append((.malformedBinary, 2 + digits)) }
    }
    var best: (TokenKind, Int)?
    for candidate in candidates where candidate.1 > (best?.1 ?? 0) { best = candidate }
    return best
  }
}

/// Quoted strings and identifiers: `'…'`, `"…"`, `` `…` `` with backslash escapes and a doubled quote.
enum QuotedScanner {
  /// The end offset of the longest complete quoted text starting at `start`, or nil.
  static func scan(
    _ text: [Unicode.Scalar], _ start: Int, quote: Unicode.Scalar, allowsBackslashQuote: Bool
  ) -> Int? {
    var cursor = start + 1
    var lastEnd: Int?
    while cursor < text.count {
      let scalar = text[cursor]
      if scalar == quote {
        lastEnd = cursor + 1
        if cursor + 1 < text.count, text[cursor + 1] == quote {
          cursor += 2
          continue
        }
        return lastEnd
      }
      if scalar == "\\" {
        guard let length = escapeLength(text, cursor, quote: quote, allowsBrace: false) else {
          return lastEnd
        }
        cursor += length
        continue
      }
      cursor += 1
    }
    return lastEnd
  }

  /// Length of a valid escape at `position` (which holds a backslash), or nil.
  static func escapeLength(
    _ text: [Unicode.Scalar], _ position: Int, quote: Unicode.Scalar, allowsBrace: Bool
  )
    -> Int?
  {
    guard position + 1 < text.count else { return nil }
    let next = text[position + 1]
    switch next {
    case "b", "B", "f", "F", "r", "R", "n", "N", "t", "T", "0", "a", "A", "v", "V", "\\": return 2
    case "x", "X":
      guard position + 3 < text.count, CharacterClass.isHexDigit(text[position + 2]),
        CharacterClass.isHexDigit(text[position + 3])
      else { return nil }
      return 4
    default:
      if next == quote { return 2 }
      if allowsBrace, next == "{" { return 2 }
      return nil
    }
  }
}
