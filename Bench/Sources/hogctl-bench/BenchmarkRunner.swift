import Foundation
import HogctlCore
import HogctlJSON
import PostHogAPI

/// Runs every benchmark against one emulator process, preparing each data set without latency
/// or rate limit and measuring with them.
struct BenchmarkRunner {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  var hogctl: String
  var benchExecutable: String
  var workDirectory: URL
  var latencyMilliseconds: Int
  var runs: Int
  var baselineRuns: Int
  var baselineParallelism: Int
  var emulator: EmulatorProcess

  static let pageSize = 1000
  static let rateLimit = RateLimit.posthogDefault

  var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter {
      ["PATH", "HOME", "LANG", "TMPDIR"].contains($0.key)
    }
    environment[ClientSettings.apiKeyEnvironmentVariable] = EmulatorProcess.apiKey
    environment[ManifestCorpus.secretVariable] = "benchmark-signing-secret"
    environment["NO_COLOR"] = "1"
    return environment
  }

  func progress(_ message: String) {
    FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
  }

  /// Runs `hogctl <arguments> --host <emulator> --project 1`; fails unless the exit code is one
  /// of `expecting`.
  func hogctl(_ arguments: [String], label: String, expecting: Set<Int32> = [0]) async throws
    -> ChildProcess.Outcome
  {
    let stdout = workDirectory.appendingPathComponent("\(label).out").path
    let stderr = workDirectory.appendingPathComponent("\(label).err").path
    let outcome = try await ChildProcess.run(
      hogctl,
      arguments + ["--host", emulator.baseURL.absoluteString, "--project", EmulatorProcess.projectID],
      environment: environment, stdout: stdout, stderr: stderr)
    guard expecting.contains(outcome.exitCode) else {
      let errors = (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? ""
      throw Failure(
        description: "hogctl \(arguments.prefix(2).joined(separator: " ")) exited \(outcome.exitCode) "
          + "(output in \(stdout)):\n\(errors.suffix(2000))")
    }
    return outcome
  }

  /// An empty project holding exactly the corpus, checked to plan no changes.
  func prepare(_ corpus: ManifestCorpus, in directory: URL) async throws {
    try await emulator.reset()
    try await emulator.configure(latencyMilliseconds: 0)
    _ = try await hogctl(
      ["apply", directory.path, "--auto-approve", "--parallelism", "16", "--rate-limit", "off"],
      label: "prepare-\(corpus.count)")
    _ = try await hogctl(
      ["plan", directory.path, "--detailed-exitcode"], label: "prepare-check-\(corpus.count)")
  }

  func planRow(functions: Int) async throws -> BenchmarkResults.PlanRow {
    let directory = workDirectory.appendingPathComponent("manifests-\(functions)")
    try ManifestCorpus(count: functions).write(to: directory)
    progress("\(functions) functions: preparing the project")
    try await prepare(ManifestCorpus(count: functions), in: directory)
    let plan = ["plan", directory.path, "--detailed-exitcode"]

    progress("\(functions) functions: plan without latency, \(runs) runs")
    var local: [Double] = []
    for _ in 0..<runs { local.append(try await hogctl(plan, label: "plan-\(functions)").seconds) }

    var server: [Double] = []
    for _ in 0..<runs {
      let start = ContinuousClock.now
      try await savePages(to: nil)
      server.append((ContinuousClock.now - start).seconds)
    }

    progress("\(functions) functions: plan at \(latencyMilliseconds) ms, \(runs) runs")
    try await emulator.configure(latencyMilliseconds: latencyMilliseconds)
    var seconds: [Double] = []
    var memory: [Int] = []
    var requests: [Int] = []
    for _ in 0..<runs {
      try await emulator.resetStats()
      let outcome = try await hogctl(plan, label: "plan-\(functions)")
      seconds.append(outcome.seconds)
      memory.append(outcome.peakMemoryBytes)
      requests.append(try await emulator.stats().total)
    }

    progress("\(functions) functions: one GET per function at parallelism \(baselineParallelism)")
    let ids = try await listIDs()
    var baseline: [Double] = []
    var baselineRequests: [Int] = []
    for _ in 0..<baselineRuns {
      try await emulator.resetStats()
      baseline.append(
        try await PerFunctionRead(emulator: emulator, parallelism: baselineParallelism).run(ids))
      baselineRequests.append(try await emulator.stats().total)
    }

    let pages = max(1, (functions + Self.pageSize - 1) / Self.pageSize)
    // hogctl reads the first page, then the others together, `parallelism` in flight.
    let parallelism = ClientSettings.defaultParallelism
    let roundTrips = 1 + (pages - 1 + parallelism - 1) / parallelism
    let zeroLatency = median(local)
    return BenchmarkResults.PlanRow(
      functions: functions, listPages: pages, listRoundTrips: roundTrips, requests: median(requests),
      seconds: median(seconds), peakMemoryBytes: median(memory), zeroLatencySeconds: zeroLatency,
      serverSeconds: median(server),
      waitingSeconds: Double(roundTrips * latencyMilliseconds) / 1000,
      baselineSeconds: median(baseline), baselineRequests: median(baselineRequests))
  }

  /// `hogctl --version`: what starting the process costs before any work.
  func processStart() async throws -> Double {
    var seconds: [Double] = []
    for _ in 0..<runs {
      let outcome = try await ChildProcess.run(
        hogctl, ["--version"], environment: environment,
        stdout: workDirectory.appendingPathComponent("version.out").path,
        stderr: workDirectory.appendingPathComponent("version.err").path)
      seconds.append(outcome.seconds)
    }
    return median(seconds)
  }

  /// Every live function id, read without latency (the baseline, like Terraform, already knows
  /// them from its state).
  func listIDs() async throws -> [String] {
    try await emulator.configure(latencyMilliseconds: 0)
    let pages = try await savePages(to: nil)
    var ids: [String] = []
    for page in pages {
      for item in try JSONValue.parse(page)["results"]?.arrayValue ?? [] {
        if let id = item["id"]?.stringValue { ids.append(id) }
      }
    }
    try await emulator.configure(latencyMilliseconds: latencyMilliseconds)
    return ids
  }

  /// The list pages as hogctl requests them; written to `directory` when given.
  @discardableResult
  func savePages(to directory: URL?) async throws -> [Data] {
    var pages: [Data] = []
    var components = URLComponents(url: emulator.functionsURL, resolvingAgainstBaseURL: false)!
    components.queryItems = [
      URLQueryItem(name: "type", value: "destination,transformation"),
      URLQueryItem(name: "full", value: "true"), URLQueryItem(name: "limit", value: String(Self.pageSize)),
    ]
    var next = components.url
    while let url = next {
      let data = try await emulator.apiGet(url)
      if let directory {
        try data.write(to: directory.appendingPathComponent(String(format: "page-%03d.json", pages.count)))
      }
      pages.append(data)
      next = try JSONValue.parse(data)["next"]?.stringValue.flatMap(URL.init(string:))
    }
    return pages
  }
}
