/// Lines as libyaml counts them: `\r\n`, `\r`, `\n`, NEL, LS and PS each end a line. Splitting a
/// Swift `String` on `"\n"` would not do: `\r\n` is a single `Character`, so a file saved with
/// Windows (or old Mac) line endings would look like one long line.
enum YAMLLines {
  static let breaks: Set<Character> = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"]

  /// The text's lines without their line breaks; a text ending in a break ends in an empty line.
  static func split(_ text: String) -> [[Unicode.Scalar]] {
    var lines: [[Unicode.Scalar]] = [[]]
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n" where previous == "\r": break
      case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": lines.append([])
      default: lines[lines.count - 1].append(scalar)
      }
      previous = scalar
    }
    return lines
  }
}
