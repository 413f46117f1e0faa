import Foundation
import Testing

@testable import Manifests

/// The fixture corpus: each `Fixtures/invalid/<case>/` is a manifest directory whose
/// `expected.json` names the rule and the file:line:column it must be reported at.
struct CorpusTests {
  struct Expected: Decodable {
    var rule: String
    var file: String
    var line: Int
    var column: Int
    var schema_rejects: Bool
  }

  /// Variables the valid cases use; the process environment is never read.
  static let environment = ["WEBHOOK_SIGNING_SECRET": "fixture-secret"]

  static func load(_ kind: String, _ name: String) throws -> (ManifestLoadResult, Duration) {
    let files = try readDirectory(fixturesURL.appendingPathComponent(kind).appendingPathComponent(name))
      .filter { $0.key != "expected.json" }
    var result: ManifestLoadResult?
    let elapsed = try ContinuousClock().measure {
      result = try ManifestLoader(
        fileSystem: InMemoryManifestFileSystem(files: files), environment: environment
      ).load()
    }
    return (try #require(result), elapsed)
  }

  @Test func corpusIsLargeEnough() {
    #expect(caseNames("invalid").count >= 35)
    #expect(caseNames("valid").count >= 3)
  }

  @Test(arguments: caseNames("invalid"))
  func invalidCase(_ name: String) throws {
    let expectedURL = fixturesURL.appendingPathComponent("invalid/\(name)/expected.json")
    let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expectedURL))
    #expect(RuleCatalog.all.contains { $0.id == expected.rule }, "unknown rule id \(expected.rule)")
    let (result, elapsed) = try Self.load("invalid", name)
    let position = "\(expected.file):\(expected.line):\(expected.column)"
    #expect(
      result.diagnostics.contains { $0.ruleID == expected.rule && $0.position == position },
      "expected [\(expected.rule)] at \(position), got \(result.diagnostics.map { "\($0.position) [\($0.ruleID)] \($0.message)" })"
    )
    #expect(result.diagnostics.allSatisfy { $0.location != nil })
    if expected.rule == "alias-limit" {
      #expect(elapsed < .seconds(1))
    }
  }

  @Test(arguments: caseNames("valid"))
  func validCase(_ name: String) throws {
    let (result, _) = try Self.load("valid", name)
    #expect(
      result.diagnostics.isEmpty,
      "\(result.diagnostics.map { "\($0.position) [\($0.ruleID)] \($0.message)" })")
    #expect(!result.functions.isEmpty)
  }
}
