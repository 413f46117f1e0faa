import Foundation
import ManifestFuzzing
import Manifests
import Testing

/// Inputs for the manifest loader's fuzz target (Fuzz/): crashes it found, and inputs built to
/// stress the loader. Each file is a raw fuzz input, split into files exactly as the fuzz target
/// does (see Sources/ManifestFuzzing/FuzzInput.swift and docs/fuzzing.md).
@Suite struct FuzzRegressionTests {
  /// What each input must report: a rule, and for the inputs of fixed location bugs, where.
  /// The loader must return these diagnostics, not crash or hang.
  struct Expectation: Sendable {
    var ruleID: String
    var location: ManifestLocation?
  }

  static let expectations: [String: Expectation] = [
    "billion-laughs.yaml": Expectation(ruleID: RuleID.aliasLimit),
    "deep-block-nesting.yaml": Expectation(ruleID: RuleID.aliasLimit),
    // libyaml's own nesting limit stops these before the loader's.
    "deep-flow-nesting.yaml": Expectation(ruleID: RuleID.yamlSyntax),
    "unclosed-flow-nesting.yaml": Expectation(ruleID: RuleID.yamlSyntax),
    "invalid-utf8.yaml": Expectation(ruleID: RuleID.invalidUTF8),
    "nul-byte.yaml": Expectation(ruleID: RuleID.yamlSyntax),
    "tags-in-odd-places.yaml": Expectation(ruleID: RuleID.invalidTag),
    // Found by the fuzzer: libyaml reports an error at the end of a file without a final
    // newline on the line after the last one.
    "unterminated-key-at-end-of-file.bin": Expectation(
      ruleID: RuleID.yamlSyntax, location: ManifestLocation(file: "hogctl.yaml", line: 5, column: 3)),
    // Found by the fuzzer: a duplicate key in a file with `\r` line ends crashed while looking
    // for the key's second occurrence (the file was one "line" when split on "\n").
    "duplicate-key-with-cr-line-ends.bin": Expectation(ruleID: RuleID.duplicateKey),
    // A "billion laughs" alias used as a key must be refused before parsing, whatever the line
    // ends and blanks (found when duplicate-key checks hashed the expansion for minutes).
    "alias-key-with-crlf-line-ends.yaml": Expectation(
      ruleID: RuleID.aliasLimit, location: ManifestLocation(file: "function.yaml", line: 10, column: 1)),
    "alias-key-with-cr-line-ends.yaml": Expectation(
      ruleID: RuleID.aliasLimit, location: ManifestLocation(file: "function.yaml", line: 10, column: 1)),
    "alias-key-before-a-tab.yaml": Expectation(
      ruleID: RuleID.aliasLimit, location: ManifestLocation(file: "function.yaml", line: 10, column: 1)),
    // Found by the fuzzer: after an explicit `?` key with no value at the end of a file without
    // a final newline, libyaml placed the empty value on the line after the last one.
    "explicit-key-without-value-at-end-of-file.bin": Expectation(
      ruleID: RuleID.invalidBoolean, location: ManifestLocation(file: "hogctl.yaml", line: 3, column: 18)),
    // `\r\n` is one Character in Swift; the reader error's line must still count it.
    "crlf-control-character.yaml": Expectation(
      ruleID: RuleID.yamlSyntax, location: ManifestLocation(file: "function.yaml", line: 2, column: 7)),
  ]

  /// Generous for a debug build on a busy machine; the release fuzz target takes milliseconds.
  static let timeLimit: Duration = .seconds(5)

  static var directory: URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures/fuzz-regressions")
  }

  static func inputNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
  }

  @Test func everyInputHasAnExpectedRule() throws {
    let names = try Self.inputNames()
    #expect(!names.isEmpty)
    #expect(Set(names) == Set(Self.expectations.keys))
  }

  @Test(arguments: expectations.keys.sorted())
  func loadsWithinTheTimeLimitAndReports(_ name: String) throws {
    let bytes = try Data(contentsOf: Self.directory.appendingPathComponent(name))
    let loader = ManifestLoader(
      fileSystem: FuzzInput.fileSystem(for: bytes), environment: FuzzInput.environment)
    var result: ManifestLoadResult?
    let elapsed = try ContinuousClock().measure { result = try loader.load() }
    #expect(elapsed < Self.timeLimit, "\(name) took \(elapsed)")
    let expected = try #require(Self.expectations[name])
    let matching = (result?.diagnostics ?? []).filter { $0.ruleID == expected.ruleID }
    #expect(!matching.isEmpty, "\(name) reported \(result?.diagnostics.map(\.ruleID) ?? [])")
    if let location = expected.location {
      #expect(matching.map(\.location) == [location])
    }
  }
}
