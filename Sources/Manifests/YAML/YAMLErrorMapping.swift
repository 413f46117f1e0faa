/// libyaml's errors as diagnostics, at the position libyaml reported.
struct YAMLErrorMapping {
  var file: String
  var text: String

  func diagnostic(for failure: LibYAMLEventStream.Failure) -> Diagnostic {
    var message = failure.problem
    if let context = failure.context {
      message += " (\(context.text) at line \(context.line), column \(context.column))"
    }
    let (line, column) =
      switch failure.position {
      case .mark(let line, let column): (line, column)
      case .byteOffset(let offset): position(ofByteOffset: offset)
      }
    let clamped = clamped(line: line, column: column)
    return Diagnostic(
      severity: .error, ruleID: RuleID.yamlSyntax, message: "YAML syntax: \(message)",
      location: ManifestLocation(file: file, line: clamped.0, column: clamped.1))
  }

  /// At the end of a file without a final newline libyaml reports the line after the last one;
  /// such a position is moved back to the end of the last line, which the user can see.
  private func clamped(line: Int, column: Int) -> (Int, Int) {
    let end = endOfText
    return line > end.line ? end : (max(line, 1), max(column, 1))
  }

  /// Where the text ends: the last line, and the column after its last character.
  var endOfText: (line: Int, column: Int) { position(ofByteOffset: text.utf8.count) }

  /// Whether libyaml may place something on the line after the last one: only when the text
  /// does not end in a line break (a final break starts an empty last line of its own).
  static func mayReportPastEnd(_ text: String) -> Bool {
    guard let last = text.last else { return false }
    return !YAMLLines.breaks.contains(last)
  }

  /// Counts lines as libyaml does (see `YAMLLines`), so `\r\n` and `\r` files get the right line.
  private func position(ofByteOffset offset: Int) -> (Int, Int) {
    var line = 1
    var column = 1
    for character in String(decoding: text.utf8.prefix(offset), as: UTF8.self) {
      if YAMLLines.breaks.contains(character) {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }
}
