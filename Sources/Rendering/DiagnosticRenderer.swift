import HogctlJSON
import Manifests

/// Counts for the summary line under the diagnostics.
public struct ValidationSummary: Sendable, Hashable {
  public var files: Int
  public var functions: Int
  public var errors: Int
  public var warnings: Int

  public init(files: Int, functions: Int, errors: Int, warnings: Int) {
    self.files = files
    self.functions = functions
    self.errors = errors
    self.warnings = warnings
  }

  public init(_ result: ManifestLoadResult) {
    self.init(
      files: result.files.count, functions: result.functions.count, errors: result.errorCount,
      warnings: result.warningCount)
  }
}

/// Diagnostics as compiler-style text or as JSON. Returns strings; printing is the caller's job.
public enum DiagnosticRenderer {
  /// `file:line:col: error: [rule-id] message`, the source line and a caret under the column,
  /// for each diagnostic, then a summary line.
  public static func text(_ diagnostics: [Diagnostic], sources: [String: String], summary: ValidationSummary)
    -> String
  {
    var lines: [String] = []
    var cache: [String: [Substring]] = [:]
    for diagnostic in diagnostics {
      guard let location = diagnostic.location else {
        lines.append("\(diagnostic.severity.rawValue): [\(diagnostic.ruleID)] \(diagnostic.message)")
        continue
      }
      lines.append(
        "\(location.file):\(location.line):\(location.column): \(diagnostic.severity.rawValue): "
          + "[\(diagnostic.ruleID)] \(diagnostic.message)")
      if cache[location.file] == nil, let source = sources[location.file] {
        cache[location.file] = source.split(separator: "\n", omittingEmptySubsequences: false)
      }
      if let fileLines = cache[location.file], location.line >= 1, location.line <= fileLines.count {
        let sourceLine = fileLines[location.line - 1].replacing("\r", with: "")
        lines.append(String(sourceLine))
        lines.append(caret(under: location.column, in: String(sourceLine)))
      }
    }
    lines.append(summaryLine(summary))
    return lines.joined(separator: "\n") + "\n"
  }

  /// Spaces (tabs kept, so the caret lines up) up to the column, then `^`.
  static func caret(under column: Int, in line: String) -> String {
    let prefix = line.unicodeScalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
    let padding = String(repeating: " ", count: max(0, column - 1 - line.unicodeScalars.count))
    return prefix + padding + "^"
  }

  public static func summaryLine(_ summary: ValidationSummary) -> String {
    let scope =
      "\(count(summary.files, "file")), \(count(summary.functions, "function"))"
    if summary.errors == 0 && summary.warnings == 0 { return "No problems found (\(scope))." }
    return "\(count(summary.errors, "error")) and \(count(summary.warnings, "warning")) (\(scope))."
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  /// `{"diagnostics": [{severity, rule, message, file, line, column}], "summary": {...}}`.
  public static func json(_ diagnostics: [Diagnostic], summary: ValidationSummary) -> String {
    let items: [JSONValue] = diagnostics.map { diagnostic in
      var item: JSONObject = [
        "severity": .string(diagnostic.severity.rawValue), "rule": .string(diagnostic.ruleID),
        "message": .string(diagnostic.message),
      ]
      if let location = diagnostic.location {
        item["file"] = .string(location.file)
        item["line"] = .number(Double(location.line))
        item["column"] = .number(Double(location.column))
      }
      return .object(item)
    }
    let document: JSONValue = [
      "diagnostics": .array(items),
      "summary": [
        "files": .number(Double(summary.files)), "functions": .number(Double(summary.functions)),
        "errors": .number(Double(summary.errors)), "warnings": .number(Double(summary.warnings)),
      ],
    ]
    return document.serialized(pretty: true) + "\n"
  }
}
