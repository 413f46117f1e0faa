import Foundation

extension BenchmarkRunner {
  /// Load, validate, decode, normalise and diff `functions` functions in a child process, with
  /// the live state taken from list pages saved from the emulator.
  func localComputeRow(functions: Int) async throws -> BenchmarkResults.LocalComputeRow {
    let manifests = workDirectory.appendingPathComponent("manifests-\(functions)")
    let pages = workDirectory.appendingPathComponent("pages-\(functions)")
    try? FileManager.default.removeItem(at: pages)
    try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
    try await emulator.configure(latencyMilliseconds: 0)
    let saved = try await savePages(to: pages)
    let pageFiles = (0..<saved.count).map {
      pages.appendingPathComponent(String(format: "page-%03d.json", $0)).path
    }

    progress("\(functions) functions: local compute, \(runs) runs")
    var rows: [BenchmarkResults.LocalComputeRow] = []
    for _ in 0..<runs {
      let stdout = workDirectory.appendingPathComponent("local-\(functions).out").path
      let outcome = try await ChildProcess.run(
        benchExecutable, ["local-compute", manifests.path] + pageFiles, environment: environment,
        stdout: stdout, stderr: workDirectory.appendingPathComponent("local-\(functions).err").path)
      let data = try Data(contentsOf: URL(fileURLWithPath: stdout))
      guard outcome.exitCode == 0,
        let timings = try? JSONDecoder().decode(LocalCompute.Timings.self, from: data)
      else {
        throw Failure(description: "local compute for \(functions) functions failed (see \(stdout))")
      }
      guard timings.errors == 0, timings.actions == 0, timings.liveFunctions == functions else {
        throw Failure(
          description: "local compute for \(functions) functions: \(timings.errors) errors, "
            + "\(timings.actions) actions, \(timings.liveFunctions) live functions; expected 0, 0, \(functions)"
        )
      }
      rows.append(.init(functions: functions, timings: timings, peakMemoryBytes: outcome.peakMemoryBytes))
    }
    let timings = rows.map(\.timings)
    return .init(
      functions: functions,
      timings: LocalCompute.Timings(
        loadSeconds: median(timings.map(\.loadSeconds)), decodeSeconds: median(timings.map(\.decodeSeconds)),
        planSeconds: median(timings.map(\.planSeconds)), totalSeconds: median(timings.map(\.totalSeconds)),
        fingerprintSeconds: median(timings.map(\.fingerprintSeconds)),
        cpuSeconds: median(timings.map(\.cpuSeconds)), functions: functions,
        liveFunctions: functions, actions: 0, errors: 0),
      peakMemoryBytes: median(rows.map(\.peakMemoryBytes)))
  }
}
