import Foundation
import Testing

@testable import Manifests

struct LimitTests {
  static func billionLaughs(levels: Int) -> String {
    var yaml = "a0: &a0 [\(Array(repeating: "\"lol\"", count: 10).joined(separator: ", "))]\n"
    for level in 1..<levels {
      yaml +=
        "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n"
    }
    return yaml
  }

  @Test func billionLaughsIsRefusedQuickly() throws {
    let clock = ContinuousClock()
    var result: ManifestLoadResult?
    let elapsed = try clock.measure { result = try loadFunction(Self.billionLaughs(levels: 10)) }
    #expect(elapsed < .seconds(1))
    #expect(result?.diagnostics.map(\.ruleID) == ["alias-limit"])
    #expect(result?.diagnostics.first?.position == "function.yaml:1:1")
  }

  @Test func aliasesWithinTheBudgetAreFine() throws {
    let yaml = "name: A\nhog: x\ninputs:\n  a: &v [1, 2, 3]\n  b: *v\n"
    let result = try loadFunction(yaml)
    #expect(result.diagnostics.isEmpty)
    #expect(result.functions.first?.fields["inputs"]?["b"] == ["value": [1, 2, 3]])
  }

  @Test func deepNestingIsRefused() throws {
    let yaml =
      "name: A\nhog: x\ninputs:\n  a: " + String(repeating: "[", count: 300)
      + String(repeating: "]", count: 300)
    let result = try loadFunction(yaml + "\n")
    #expect(result.diagnostics.map(\.ruleID) == ["alias-limit"])
  }

  @Test func oversizedFilesAreNotRead() throws {
    struct HugeFile: ManifestFileSystem {
      func listFiles() throws -> [String] { ["big.yaml"] }
      func sizeOfFile(_ path: String) throws -> Int { 10 * 1024 * 1024 + 1 }
      func contentsOfFile(_ path: String) throws -> Data {
        Issue.record("an oversized file must not be read")
        return Data()
      }
    }
    let result = try ManifestLoader(fileSystem: HugeFile(), environment: [:]).load()
    #expect(result.diagnostics.map(\.ruleID) == ["file-too-large"])
    #expect(result.diagnostics.first?.position == "big.yaml:1:1")
  }

  @Test func oversizedFilesOnDiskAreNotParsed() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hogctl-big-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    // Valid YAML all the way through, so only the size can refuse it.
    let line = "# " + String(repeating: "x", count: 1021) + "\n"
    let text = "name: Big\nhog: return event\n" + String(repeating: line, count: 10 * 1024)
    try Data(text.utf8).write(to: root.appendingPathComponent("big.yaml"))
    let result = try ManifestLoader(fileSystem: DiskManifestFileSystem(root: root), environment: [:]).load()
    #expect(result.diagnostics.map(\.ruleID) == ["file-too-large"])
    #expect(result.diagnostics.first?.message.contains("\(text.utf8.count) bytes") == true)
    #expect(result.functions.isEmpty)
  }

  @Test func invalidUTF8PointsAtTheBadByte() throws {
    let data = Data("name: A\nhog: x\ndescription: caf".utf8) + Data([0xFF, 0x0A])
    let result = try ManifestLoader(
      fileSystem: InMemoryManifestFileSystem(files: ["f.yaml": data]), environment: [:]
    ).load()
    #expect(result.diagnostics.map(\.ruleID) == ["invalid-utf8"])
    #expect(result.diagnostics.first?.position == "f.yaml:3:17")
  }

  @Test func hogOverTheLimitWhileTheFileIsFine() throws {
    let hog = String(repeating: "x", count: 100 * 1024)
    let atLimit = try loadManifests(["f.yaml": "name: A\nhog: !file c.hog\n", "c.hog": hog])
    #expect(atLimit.diagnostics.isEmpty)
    let over = try loadManifests(["f.yaml": "name: A\nhog: !file c.hog\n", "c.hog": hog + "y"])
    #expect(over.diagnostics.map(\.ruleID) == ["hog-too-large"])
  }

  @Test func scalarTypingFollowsYAML12Core() {
    #expect(ScalarTyping.coreValue(of: "yes") == "yes")
    #expect(ScalarTyping.coreValue(of: "-1.5e3") == -1500)
    #expect(ScalarTyping.coreValue(of: ".5") == 0.5)
    #expect(ScalarTyping.coreValue(of: "0o17") == 15)
    #expect(ScalarTyping.coreValue(of: ".inf") == ".inf")
    #expect(ScalarTyping.coreValue(of: "1.2.3") == "1.2.3")
    #expect(ScalarTyping.coreValue(of: "2024-01-01") == "2024-01-01")
    #expect(ScalarTyping.coreValue(of: "Null") == .null)
  }

  @Test func didYouMeanFindsCloseNames() {
    #expect(DidYouMean.suggestion(for: "enabeld", among: ["enabled", "name"]) == "enabled")
    #expect(DidYouMean.suggestion(for: "zzzzzz", among: ["enabled", "name"]) == nil)
  }
}

struct DidYouMeanTests {
  @Test(arguments: [("nmae", "name"), ("enabeld", "enabled"), ("filtres", "filters"), ("Hog", "hog")])
  func suggestsTheClosestField(_ typo: String, _ field: String) {
    #expect(DidYouMean.suggestion(for: typo, among: ManifestShapes.hogFunction.fields.map(\.name)) == field)
  }

  @Test func distanceCountsASwapAsOneEdit() {
    #expect(DidYouMean.distance("nmae", "name") == 1)
    #expect(DidYouMean.distance("kitten", "sitting") == 3)
    #expect(DidYouMean.distance("", "abc") == 3)
  }
}

struct AliasKeyTests {
  @Test(arguments: [
    ("a: &a [x]\n? *a\n: boom\n", 2, 1),
    ("a: &a [x]\n*a : boom\n", 2, 1),
    ("a: &a [x]\nb: {*a: boom}\n", 2, 5),
    ("a: &a [x]\n[*a]: boom\n", 2, 1),
    ("a: &a [x]\nb:\n  - *a: boom\n", 3, 5),
  ])
  func aliasKeysAreRefusedBeforeParsing(_ yaml: String, _ line: Int, _ column: Int) throws {
    let result = try loadFunction(yaml)
    #expect(result.diagnostics.map(\.ruleID) == ["alias-limit"])
    #expect(result.diagnostics.first?.position == "function.yaml:\(line):\(column)")
  }

  @Test func aliasedValuesAndMultiplicationAreFine() throws {
    let yaml = "name: A\nhog: |\n  let x := 2 *y: 3\ndescription: &d text\ninputs:\n  a: *d\n  b: [*d, *d]\n"
    #expect(AliasKeyGuard.firstRiskyKey(in: "a: &a 1\nb: *a\nc: [*a, *a]\nd: {e: *a}\n") == nil)
    #expect(try loadFunction(yaml).diagnostics.map(\.ruleID) != ["alias-limit"])
  }

  @Test func billionLaughsKeyFinishesQuickly() throws {
    var yaml = LimitTests.billionLaughs(levels: 9)
    yaml += "? *a8\n: boom\n"
    let elapsed = try ContinuousClock().measure { _ = try loadFunction(yaml) }
    #expect(elapsed < .seconds(1))
  }
}
