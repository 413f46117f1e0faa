import Foundation
import HogctlCore
import Reconciler
import Testing

/// apply against an emulator that fails 20% of requests at random (5xx, dropped connections,
/// delays), plus scripted 429s and creates that are stored but whose answer is lost. It must
/// converge within its own retries or one re-run, create no duplicate, and touch nothing outside
/// the plan. The result is read back from a second, fault-free emulator on the same state file.
@Suite(.serialized) struct ChaosTests {
  @Test(arguments: [11, 22, 33] as [UInt64])
  func applyConvergesUnderInjectedFaults(seed: UInt64) async throws {
    let state = FileManager.default.temporaryDirectory
      .appendingPathComponent("hogctl-chaos-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: state) }
    var random = SeededGenerator(seed: seed)
    var manifests = RandomManifests.make(using: &random)
    while manifests.functions.count < 3 { manifests = RandomManifests.make(using: &random) }
    let result = try LibraryPipeline.load(manifests.files, environment: manifests.environment)

    let clean = try await EmulatorHarness.start(statePath: state)
    try await clean.request(
      "POST", "/_emulator/seed",
      body: ["functions": [["name": "Extra kept", "type": "destination", "hog": "return event"]]])
    let extrasBefore = try await ConvergencePropertyTests.extras(clean)
    await clean.stop()

    let chaos = try await EmulatorHarness.start(faultRate: 0.2, seed: seed, statePath: state)
    try await chaos.request(
      "POST", "/_emulator/faults",
      body: [
        "faults": [
          [
            "method": "POST", "path": "/api/*/*/hog_functions/", "count": 2, "kind": "commit_then_fail",
            "then": "drop",
          ],
          [
            "method": "POST", "path": "/api/*/*/hog_functions/", "count": 1, "kind": "commit_then_fail",
            "then": "status", "status": 500,
          ],
          ["method": "GET", "path": "/api/*/*/hog_functions/", "count": 1, "kind": "status", "status": 429],
        ]
      ])
    let pipeline = try LibraryPipeline(chaos)
    var runs = 0
    var converged = false
    while runs < 2 && !converged {
      runs += 1
      if let report = try? await pipeline.apply(result) { converged = report.succeeded }
    }
    await chaos.stop()
    #expect(converged, "seed \(seed): apply did not converge within one re-run")

    let check = try await EmulatorHarness.start(statePath: state)
    let verify = try LibraryPipeline(check)
    let plan = try await verify.plan(result)
    #expect(plan.actions.isEmpty, "seed \(seed): \(plan.actions.map { ($0.kind, $0.name) })")
    let names = try await check.liveFunctions().compactMap { $0["name"]?.stringValue }
    #expect(names.count == Set(names).count, "seed \(seed): duplicate functions \(names.sorted())")
    #expect(try await ConvergencePropertyTests.extras(check) == extrasBefore)
    await check.stop()
  }
}
