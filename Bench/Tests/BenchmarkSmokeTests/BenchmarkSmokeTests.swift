import Foundation
import Testing

/// `hogctl-bench` end to end on a tiny scale, so the benchmark keeps working between the runs
/// recorded in BENCHMARKS.md. The benchmark checks its own set-up: the prepared project must plan
/// no changes, the apply must plan exactly the updates asked for and converge. Measures the hogctl
/// in HOGCTL_BINARY, or the root package's debug build: `swift build` there first.
@Suite(.serialized) struct BenchmarkSmokeTests {
  @Test func theBenchmarkRunsAndReportsEveryTable() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hogctl-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let run = try Self.runBenchmark(
      [
        "--sizes", "30", "--runs", "1", "--baseline-runs", "1", "--latency-ms", "5", "--apply-updates", "30",
        "--apply-runs", "1", "--work-dir", work.appendingPathComponent("scratch").path,
        "--hogctl", try Self.hogctl().path,
      ], in: work)
    #expect(run.exitCode == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let planRow = try #require(
      lines.first { $0.hasPrefix("| 30 |") && $0.contains("MB") && $0.contains("×") })
    let cells = planRow.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(cells[2] == "1", "hogctl plan should make one list request: \(planRow)")
    #expect(cells[5] == "30", "the baseline should make one GET per function: \(planRow)")
    #expect(run.stdout.contains("### `hogctl plan` against its lower bound"))
    #expect(run.stdout.contains("### Local compute (no network)"))
    let localRow = try #require(lines.first { $0.hasPrefix("| 30 |") && $0.contains("| +") })
    let localCells = localRow.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    // Functions, load, decode, diff, total, CPU time, memory, fingerprint.
    #expect(localCells.count == 8, "\(localRow)")
    let cpuSeconds = try #require(
      Double(localCells[5].replacingOccurrences(of: " s", with: "")), "\(localRow)")
    #expect(cpuSeconds >= 0 && localCells[6].hasSuffix("MB"), "\(localRow)")
    let applyRow = try #require(lines.first { $0.hasPrefix("| 30 | ") && $0.contains("/s |") })
    #expect(applyRow.hasSuffix("| 0 (0.0%) |"), "no 429s within the burst: \(applyRow)")
    #expect(run.stdout.contains("| apply ≥ 90% of the allowed rate |"))
  }

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func hogctl() throws -> URL {
    let path =
      ProcessInfo.processInfo.environment["HOGCTL_BINARY"]
      ?? packageRoot.appendingPathComponent(".build/debug/hogctl").path
    try #require(
      FileManager.default.isExecutableFile(atPath: path), "no hogctl at \(path): run swift build first")
    return URL(fileURLWithPath: path)
  }

  /// hogctl-bench, built beside this test bundle; its output goes to files, which never fill up
  /// as a pipe would while the run is waited for.
  static func runBenchmark(_ arguments: [String], in directory: URL) throws -> (
    exitCode: Int32, stdout: String, stderr: String
  ) {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [products, products.deletingLastPathComponent()].map {
      $0.appendingPathComponent("hogctl-bench")
    }
    let bench: URL = try #require(
      candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
      "hogctl-bench is not built beside \(products.path)")
    let process = Process()
    process.executableURL = bench
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = directory.appendingPathComponent("stdout")
    let err = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    return (
      process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
      try String(contentsOf: err, encoding: .utf8)
    )
  }
}
