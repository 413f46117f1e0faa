import Foundation
import Manifests
import Rendering
import Testing

struct DiagnosticRendererTests {
  let source = "name: A\nenabeld: yes\n\tkey: x\n"
  var summary: ValidationSummary { ValidationSummary(files: 1, functions: 1, errors: 1, warnings: 1) }

  func diagnostic(_ severity: Diagnostic.Severity, line: Int, column: Int) -> Diagnostic {
    Diagnostic(
      severity: severity, ruleID: "unknown-field", message: "unknown field",
      location: ManifestLocation(file: "a.yaml", line: line, column: column))
  }

  @Test func textShowsLocationRuleSourceLineAndCaret() {
    let text = DiagnosticRenderer.text(
      [diagnostic(.error, line: 2, column: 10), diagnostic(.warning, line: 3, column: 2)],
      sources: ["a.yaml": source], summary: summary)
    #expect(
      text == """
        a.yaml:2:10: error: [unknown-field] unknown field
        enabeld: yes
                 ^
        a.yaml:3:2: warning: [unknown-field] unknown field
        \tkey: x
        \t^
        1 error and 1 warning (1 file, 1 function).

        """)
  }

  @Test func missingSourceOrLocationStillRenders() {
    let text = DiagnosticRenderer.text(
      [
        diagnostic(.error, line: 1, column: 1),
        Diagnostic(severity: .error, ruleID: "yaml-syntax", message: "broken", location: nil),
      ], sources: [:], summary: ValidationSummary(files: 2, functions: 0, errors: 2, warnings: 0))
    #expect(
      text
        == "a.yaml:1:1: error: [unknown-field] unknown field\nerror: [yaml-syntax] broken\n"
        + "2 errors and 0 warnings (2 files, 0 functions).\n")
  }

  @Test func cleanSummary() {
    #expect(
      DiagnosticRenderer.summaryLine(ValidationSummary(files: 3, functions: 5, errors: 0, warnings: 0))
        == "No problems found (3 files, 5 functions).")
  }

  @Test func caretPastTheEndOfTheLine() {
    let text = DiagnosticRenderer.text(
      [diagnostic(.error, line: 1, column: 9)], sources: ["a.yaml": "name: A\n"], summary: summary)
    #expect(text.contains("name: A\n        ^\n"))
  }

  @Test func jsonListsEveryDiagnostic() throws {
    let json = DiagnosticRenderer.json([diagnostic(.warning, line: 2, column: 3)], summary: summary)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let items = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(items.count == 1)
    #expect(items[0]["severity"] as? String == "warning")
    #expect(items[0]["rule"] as? String == "unknown-field")
    #expect(items[0]["file"] as? String == "a.yaml")
    #expect(items[0]["line"] as? Int == 2)
    #expect(items[0]["column"] as? Int == 3)
    #expect((object["summary"] as? [String: Any])?["errors"] as? Int == 1)
  }
}
