import Foundation
import HogctlJSON
import Testing

/// A plan costs one list request per page plus one request per distinct template, and nothing
/// else: no read per function.
@Suite(.serialized) struct PlanRequestCountTests {
  @Test func planningOverAThousandLiveFunctionsIsOneListPagePlusTemplates() async throws {
    let emulator = try await EmulatorHarness.start()
    let workspace = try Workspace.copying("examples/quickstart")
    defer { workspace.remove() }
    let functions: [JSONValue] = (0..<1000).map { index in
      [
        "name": .string("Seeded \(index)"), "type": index % 2 == 0 ? "destination" : "transformation",
        "hog": "return event", "enabled": false,
      ]
    }
    try await emulator.request("POST", "/_emulator/seed", body: ["functions": .array(functions)])
    try await emulator.resetStats()

    let run = try await HogctlProcess.run(
      ["plan", "manifests"] + emulator.connectionArguments, in: workspace.root,
      environment: emulator.environment.merging(["WEBHOOK_SIGNING_SECRET": "s"]) { $1 })
    #expect(run.exitCode == 0, "\(run.output)")
    #expect(run.stdout.contains("Plan: 7 to create"))

    let requests = try await emulator.stats()["requests"]?.objectValue ?? [:]
    let pageSize = 1000
    let listPages = (1000 + pageSize - 1) / pageSize
    #expect(requests["GET /api/environments/{project_id}/hog_functions/"]?.intValue == listPages)
    #expect(requests["GET /api/projects/{project_id}/hog_function_templates/{template_id}/"]?.intValue == 2)
    #expect(try await emulator.totalRequests() == listPages + 2, "unexpected requests: \(requests)")
    await emulator.stop()
  }

  /// The fingerprint is computed only where it is shown or saved: JSON output carries it.
  @Test func theJSONPlanCarriesTheFingerprint() async throws {
    let emulator = try await EmulatorHarness.start()
    let workspace = try Workspace.copying("examples/quickstart")
    defer { workspace.remove() }
    let run = try await HogctlProcess.run(
      ["plan", "manifests", "--format", "json"] + emulator.connectionArguments, in: workspace.root,
      environment: emulator.environment.merging(["WEBHOOK_SIGNING_SECRET": "s"]) { $1 })
    #expect(run.exitCode == 0, "\(run.output)")
    let plan = try JSONValue.parse(Data(run.stdout.utf8))
    let manifests = try #require(plan["fingerprint"]?["manifests"]?.stringValue)
    #expect(manifests.count == 64 && manifests.allSatisfy(\.isHexDigit))
    #expect(plan["fingerprint"]?["absent"]?.arrayValue?.count == 7)
    await emulator.stop()
  }
}
