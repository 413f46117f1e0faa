import Foundation
import Manifests
import PostHogAPI
import Reconciler
import Testing

/// plan → apply → plan through the libraries (the same steps the binary takes), for tests that
/// run hundreds of rounds.
struct LibraryPipeline {
  let client: PostHogClient

  init(_ emulator: EmulatorHarness, parallelism: Int = 4) throws {
    client = try PostHogClient(
      settings: ClientSettings(
        host: emulator.emulator.baseURL, projectID: String(emulator.emulator.projectID),
        apiKey: emulator.emulator.apiKey, parallelism: parallelism, rateLimit: nil,
        requestTimeout: 5))
  }

  static func load(_ files: [String: String], environment: [String: String]) throws -> ManifestLoadResult {
    let result = try ManifestLoader(
      fileSystem: InMemoryManifestFileSystem(texts: files), environment: environment
    ).load()
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "generated manifests are invalid: \(errors)")
    return result
  }

  func plan(_ result: ManifestLoadResult, options: PlanOptions = PlanOptions()) async throws -> Plan {
    let state = try await LiveState.fetch(client, desired: result.functions, settings: result.settings)
    return try Planner.plan(
      desired: result.functions, settings: result.settings, live: state.functions, templates: state.templates,
      options: options)
  }

  /// Applies past the safety checks (`force`): they have tests of their own, and random drift
  /// may leave a type whose every live function a plan deletes.
  func apply(_ result: ManifestLoadResult) async throws -> ApplyReport {
    let plan = try await plan(result, options: PlanOptions(force: true))
    return await ApplyExecutor(api: client, desired: result.functions).apply(plan)
  }
}
