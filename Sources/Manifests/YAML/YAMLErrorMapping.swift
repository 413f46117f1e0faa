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
    return Diagnostic(
      severity: .error, ruleID: RuleID.yamlSyntax, message: "YAML syntax: \(message)",
      location: ManifestLocation(file: file, line: line, column: column))
  }

  /// Where a text without a final line break ends: its last line, and the column after its last
  /// character. At such an end libyaml reports the line after the last one, and
  /// `LibYAMLEventStream` moves what it reports there back to here, where the user can see it.
  /// `nil` when the text ends in a line break, which starts an empty last line of its own.
  var unterminatedEnd: (line: Int, column: Int)? {
    guard let last = text.last, !YAMLLines.breaks.contains(last) else { return nil }
    return position(ofByteOffset: text.utf8.count)
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
