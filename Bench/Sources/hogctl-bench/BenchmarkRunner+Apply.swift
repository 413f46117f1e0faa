import Foundation

extension BenchmarkRunner {
  /// `updates` functions each with one changed input, applied under PostHog's default rate limit
  /// (the emulator enforces it; hogctl paces itself with the same budget).
  func applyRow(updates: Int, runs: Int) async throws -> BenchmarkResults.ApplyRow {
    let base = workDirectory.appendingPathComponent("apply-base")
    let changed = workDirectory.appendingPathComponent("apply-changed")
    try ManifestCorpus(count: updates).write(to: base)
    try ManifestCorpus(count: updates, revision: 1, changed: updates).write(to: changed)
    let limit = Self.rateLimit
    var seconds: [Double] = []
    var requests: [Int] = []
    var throttled: [Int] = []
    for run in 1...runs {
      progress("apply of \(updates) updates, run \(run) of \(runs): preparing")
      try await prepare(ManifestCorpus(count: updates), in: base)
      try await emulator.configure(
        latencyMilliseconds: latencyMilliseconds, rateLimit: limit.description)
      try await emulator.resetStats()
      progress("apply of \(updates) updates, run \(run) of \(runs): applying")
      let outcome = try await hogctl(["apply", changed.path, "--auto-approve"], label: "apply")
      let stats = try await emulator.stats()
      let patches = try updatesPlanned(in: "apply")
      guard patches == updates else {
        throw Failure(description: "apply planned \(patches) updates, expected \(updates)")
      }
      seconds.append(outcome.seconds)
      requests.append(stats.total)
      throttled.append(stats.responses["429", default: 0])
      try await emulator.configure(latencyMilliseconds: 0)
      _ = try await hogctl(["plan", changed.path, "--detailed-exitcode"], label: "apply-check")
    }
    return .init(
      updates: updates, requests: median(requests), throttled: median(throttled), seconds: median(seconds),
      perMinute: limit.perMinute, perHour: limit.perHour)
  }

  /// The update count from the plan summary hogctl printed ("… N to update …").
  private func updatesPlanned(in label: String) throws -> Int {
    let output = try String(
      contentsOf: workDirectory.appendingPathComponent("\(label).out"), encoding: .utf8)
    let pattern = try NSRegularExpression(pattern: #"(\d+) to update"#)
    let range = NSRange(output.startIndex..., in: output)
    guard let match = pattern.firstMatch(in: output, range: range),
      let number = Range(match.range(at: 1), in: output)
    else { return 0 }
    return Int(output[number]) ?? 0
  }
}
