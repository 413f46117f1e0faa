import Foundation
import Testing

/// Runs the real `hogctl` executable built next to this test bundle.
struct BinaryTests {
  static var executable: URL {
    let besideBundle = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("hogctl")
    if FileManager.default.isExecutableFile(atPath: besideBundle.path) { return besideBundle }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug/hogctl")
  }

  static func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ["PATH": "/usr/bin:/bin"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func builtBinaryExists() {
    #expect(
      FileManager.default.isExecutableFile(atPath: Self.executable.path), "build hogctl first: swift build")
  }

  @Test func invalidDirectoryExitsOneWithFileLineColumn() throws {
    let (status, output) = try Self.run(["validate", "invalid/order-conflict"], in: fixturesURL)
    #expect(status == 1)
    #expect(output.contains("invalid/order-conflict/function.yaml:4:18: error: [order-conflict] "))
    #expect(output.contains("execution_order: 1\n                 ^\n"))
    #expect(output.contains("1 error and 0 warnings"))
  }

  @Test func billionLaughsExitsOneWithinASecond() throws {
    let start = ContinuousClock.now
    let (status, output) = try Self.run(["validate", "invalid/alias-limit-billion-laughs"], in: fixturesURL)
    #expect(ContinuousClock.now - start < .seconds(1))
    #expect(status == 1)
    #expect(output.contains("function.yaml:1:1: error: [alias-limit]"))
  }

  @Test func validDirectoryExitsZero() throws {
    let (status, output) = try Self.run(
      ["validate", "."], in: fixturesURL.appendingPathComponent("valid/template-slack"))
    #expect(status == 0)
    #expect(output == "No problems found (1 file, 2 functions).\n")
  }

  @Test func warningsFailOnlyWithStrict() throws {
    let directory = "invalid/unknown-input-warning"
    #expect(try Self.run(["validate", directory], in: fixturesURL).status == 0)
    #expect(try Self.run(["validate", "--strict", directory], in: fixturesURL).status == 1)
  }

  @Test func jsonFormat() throws {
    let (status, output) = try Self.run(
      ["validate", "--format", "json", "invalid/env-unset"], in: fixturesURL)
    #expect(status == 1)
    let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
    let diagnostics = try #require(json?["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.first?["rule"] as? String == "env-unset")
    #expect(diagnostics.first?["line"] as? Int == 8)
    #expect(diagnostics.first?["column"] as? Int == 11)
  }

  @Test func skipEnvLintsWithoutSecrets() throws {
    let (status, _) = try Self.run(["validate", "--skip-env", "invalid/env-unset"], in: fixturesURL)
    #expect(status == 0)
  }

  @Test func missingDirectoryFails() throws {
    let (status, output) = try Self.run(["validate", "no-such-dir"], in: fixturesURL)
    #expect(status == 1)
    #expect(output.contains("no such directory"))
  }
}
