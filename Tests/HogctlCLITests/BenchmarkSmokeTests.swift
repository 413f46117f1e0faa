import Foundation
import Testing

/// `hogctl-bench` end to end on a tiny scale, so the benchmark keeps working between the runs
/// recorded in BENCHMARKS.md. The benchmark checks its own set-up: the prepared project must plan
/// no changes, the apply must plan exactly the updates asked for and converge.
@Suite(.serialized) struct BenchmarkSmokeTests {
  @Test func theBenchmarkRunsAndReportsEveryTable() async throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hogctl-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let run = try await HogctlProcess.run(
      [
        "--sizes", "30", "--runs", "1", "--baseline-runs", "1", "--latency-ms", "5", "--apply-updates", "30",
        "--apply-runs", "1", "--work-dir", work.appendingPathComponent("scratch").path,
      ], in: work, executable: HogctlProcess.executable("hogctl-bench"))
    #expect(run.exitCode == 0, "\(run.output)")
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
}
