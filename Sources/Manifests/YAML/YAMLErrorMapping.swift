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
      let second = secondOccurrence(of: key, after: context.mark)
      let first = "\(context.mark.line):\(context.mark.column)"
      return Diagnostic(
        severity: .error, ruleID: RuleID.duplicateKey,
        message: "the key '\(key)' appears more than once in this mapping (first at line \(first))",
        location: ManifestLocation(file: file, line: second.line, column: second.column))
    default:
      return syntax("\(error)", line: 1, column: 1)
    }
  }

  private func syntax(_ message: String, line: Int, column: Int) -> Diagnostic {
    Diagnostic(
      severity: .error, ruleID: RuleID.yamlSyntax, message: "YAML syntax: \(message)",
      location: ManifestLocation(file: file, line: line, column: column))
  }

  private func position(ofCharacterOffset offset: Int) -> (Int, Int) {
    var line = 1
    var column = 1
    for character in text.prefix(offset) {
      if character == "\n" {
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
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let spellings = [key, "\"\(key)\"", "'\(key)'"]
    for index in (mark.line - 1)..<lines.count {
      let scalars = Array(lines[index].unicodeScalars)
      let range: Range<Int> = index == mark.line - 1 ? mark.column..<scalars.count : 0..<scalars.count
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
