import Yams

/// Yams errors as diagnostics with the position libyaml reported.
struct YAMLErrorMapping {
  var file: String
  var text: String

  func diagnostic(for error: YamlError) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = problem
      if let context {
        message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
      }
      return syntax(message, line: mark.line, column: mark.column)
    case .reader(let problem, let offset, _, _):
      let (line, column) = position(ofCharacterOffset: offset ?? 0)
      return syntax(problem, line: line, column: column)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? ""
      let second = clamped(secondOccurrence(of: key, after: context.mark))
      let first = "\(context.mark.line):\(context.mark.column)"
      return Diagnostic(
        severity: .error, ruleID: RuleID.duplicateKey,
        message: "the key '\(key)' appears more than once in this mapping (first at line \(first))",
        location: ManifestLocation(file: file, line: second.0, column: second.1))
    default:
      return syntax("\(error)", line: 1, column: 1)
    }
  }

  private func syntax(_ message: String, line: Int, column: Int) -> Diagnostic {
    let (line, column) = clamped(line: line, column: column)
    return Diagnostic(
      severity: .error, ruleID: RuleID.yamlSyntax, message: "YAML syntax: \(message)",
      location: ManifestLocation(file: file, line: line, column: column))
  }

  /// At the end of a file without a final newline libyaml reports the line after the last one;
  /// such a position is moved back to the end of the last line, which the user can see.
  private func clamped(_ position: (line: Int, column: Int)) -> (Int, Int) {
    clamped(line: position.line, column: position.column)
  }

  private func clamped(line: Int, column: Int) -> (Int, Int) {
    let end = position(ofCharacterOffset: text.count)
    return line > end.0 ? end : (max(line, 1), max(column, 1))
  }

  /// Counts lines as libyaml does (see `YAMLLines`), so `\r\n` and `\r` files get the right line.
  private func position(ofCharacterOffset offset: Int) -> (Int, Int) {
    var line = 1
    var column = 1
    for character in text.prefix(offset) {
      if YAMLLines.breaks.contains(character) {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }

  /// libyaml reports a duplicate at its first occurrence; the repeated key is the one to fix, so
  /// look for it after the first one: later on the same line (flow style), or at the same column.
  private func secondOccurrence(of key: String, after mark: Mark) -> (line: Int, column: Int) {
    let lines = YAMLLines.split(text)
    let spellings = [key, "\"\(key)\"", "'\(key)'"]
    guard mark.line >= 1, mark.line <= lines.count else { return (mark.line, mark.column) }
    for index in (mark.line - 1)..<lines.count {
      let scalars = lines[index]
      let first = index == mark.line - 1 ? min(max(mark.column, 0), scalars.count) : 0
      let range = first..<scalars.count
      for start in range {
        if index != mark.line - 1, start + 1 != mark.column { continue }
        let rest = String(String.UnicodeScalarView(scalars[start...]))
        guard start == 0 || " \t{,-".unicodeScalars.contains(scalars[start - 1]) else { continue }
        for spelling in spellings where rest.hasPrefix(spelling) {
          let after = rest.dropFirst(spelling.count).drop { $0 == " " }
          if after.hasPrefix(":") { return (index + 1, start + 1) }
        }
      }
    }
    return (mark.line, mark.column)
  }
}
