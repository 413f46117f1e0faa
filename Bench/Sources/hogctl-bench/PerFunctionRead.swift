import Foundation
import PostHogAPI

/// The baseline: how PostHog's Terraform provider refreshes state, one GET per function with a
/// fixed number in flight, through hogctl's own client so that only the access pattern differs.
struct PerFunctionRead {
  var emulator: EmulatorProcess
  var parallelism: Int

  /// Reads every id; returns the wall time in seconds.
  func run(_ ids: [String]) async throws -> Double {
    let client = try PostHogClient(
      settings: ClientSettings(
        host: emulator.baseURL, projectID: EmulatorProcess.projectID, apiKey: EmulatorProcess.apiKey,
        parallelism: parallelism, rateLimit: nil))
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
      var next = 0
      func addRead() {
        let id = ids[next]
        next += 1
        group.addTask { _ = try await client.getHogFunction(id: id) }
      }
      while next < min(parallelism, ids.count) { addRead() }
      while try await group.next() != nil {
        if next < ids.count { addRead() }
      }
    }
    return (ContinuousClock.now - start).seconds
  }
}
