import Foundation
import Testing

@testable import Manifests

/// Every rule's own examples: invalid ones raise the rule exactly where `↓` points, valid ones
/// load without any diagnostic at all.
struct RuleExampleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var rule: RuleDescription
    var example: RuleExample
    var index: Int
    var valid: Bool
    var testDescription: String { "\(rule.id) \(valid ? "valid" : "invalid") #\(index)" }
  }

  static let cases: [Case] = RuleCatalog.all.flatMap { rule in
    rule.valid.enumerated().map { Case(rule: rule, example: $1, index: $0, valid: true) }
      + rule.invalid.enumerated().map { Case(rule: rule, example: $1, index: $0, valid: false) }
  }

  @Test("every rule has valid and invalid examples")
  func everyRuleHasExamples() {
    for rule in RuleCatalog.all {
      #expect(!rule.valid.isEmpty, "\(rule.id) has no valid example")
      #expect(!rule.invalid.isEmpty, "\(rule.id) has no invalid example")
    }
    #expect(Set(RuleCatalog.all.map(\.id)).count == RuleCatalog.all.count)
  }

  @Test(arguments: cases)
  func example(_ testCase: Case) throws {
    let marked = MarkedFiles(testCase.example)
    let result = try ManifestLoader(
      fileSystem: InMemoryManifestFileSystem(files: marked.files), environment: testCase.example.environment
    ).load()
    if testCase.valid {
      #expect(
        result.diagnostics.isEmpty,
        "\(result.diagnostics.map { "\($0.position) [\($0.ruleID)] \($0.message)" })")
      return
    }
    let marker = try #require(marked.marker, "invalid example without a ↓ marker")
    let matching = result.diagnostics.filter { $0.ruleID == testCase.rule.id }
    #expect(
      matching.contains { $0.location == marker && $0.severity == testCase.rule.severity },
      "expected [\(testCase.rule.id)] at \(marker.file):\(marker.line):\(marker.column), got \(result.diagnostics.map { "\($0.position) [\($0.ruleID)]" })"
    )
  }
}
