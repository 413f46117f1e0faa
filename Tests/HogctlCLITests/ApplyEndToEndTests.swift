import Foundation
import HogctlJSON
import Testing

/// The real binary against a live emulator: the journeys a user of plan and apply makes.
@Suite(.serialized) struct ApplyEndToEndTests {
  static let secret = "e2e-signing-secret-7f3a"
  static let functionsRoute = "/api/environments/{project_id}/hog_functions/"

  struct Context {
    let emulator: EmulatorHarness
    let workspace: Workspace

    var environment: [String: String] {
      emulator.environment.merging(["WEBHOOK_SIGNING_SECRET": ApplyEndToEndTests.secret]) { $1 }
    }

    func hogctl(_ arguments: [String], input: String? = nil) async throws -> HogctlRun {
      let run = try await HogctlProcess.run(
        arguments + ["manifests"] + emulator.connectionArguments, in: workspace.root,
        environment: environment, input: input)
      #expect(!run.output.contains(ApplyEndToEndTests.secret), "the secret value was printed")
      #expect(!run.output.contains(emulator.emulator.apiKey), "the API key was printed")
      return run
    }

    func hogctlPlanFile(_ arguments: [String]) async throws -> HogctlRun {
      let run = try await HogctlProcess.run(
        arguments + emulator.connectionArguments, in: workspace.root, environment: environment)
      #expect(!run.output.contains(ApplyEndToEndTests.secret))
      return run
    }

    func applyAndExpectConvergence() async throws {
      let apply = try await hogctl(["apply", "--auto-approve"])
      #expect(apply.exitCode == 0, "apply failed:\n\(apply.output)")
      let plan = try await hogctl(["plan", "--detailed-exitcode"])
      #expect(plan.exitCode == 0, "plan after apply is not empty:\n\(plan.output)")
      #expect(plan.stdout.contains("No changes."))
    }
  }

  func withContext(_ body: (Context) async throws -> Void) async throws {
    let emulator = try await EmulatorHarness.start()
    let workspace = try Workspace.copying("examples/quickstart")
    defer { workspace.remove() }
    do {
      try await body(Context(emulator: emulator, workspace: workspace))
    } catch {
      await emulator.stop()
      throw error
    }
    await emulator.stop()
  }

  @Test func theExamplesApplyThenPlanShowsNoChanges() async throws {
    try await withContext { context in
      let first = try await context.hogctl(["plan", "--detailed-exitcode"])
      #expect(first.exitCode == 2)
      #expect(first.stdout.contains("Plan: 7 to create, 0 to update, 0 to delete"))
      try await context.applyAndExpectConvergence()
      let live = try await context.emulator.liveFunctions()
      #expect(live.count == 7)
      let transformations = live.filter { $0["type"] == "transformation" }
        .sorted { ($0["execution_order"]?.intValue ?? 0) < ($1["execution_order"]?.intValue ?? 0) }
      #expect(
        transformations.map { $0["name"]?.stringValue } == ["GeoIP region", "Drop bots", "Hash emails"])
    }
  }

  @Test func changingOneInputPlansExactlyThatField() async throws {
    try await withContext { context in
      try await context.applyAndExpectConvergence()
      try context.workspace.edit("slack-signups.yaml", replacing: "\"#growth\"", with: "\"#signups\"")
      let plan = try await context.hogctl(["plan", "--detailed-exitcode"])
      #expect(plan.exitCode == 2)
      #expect(
        plan.stdout.contains("Plan: 0 to create, 1 to update, 0 to delete, 0 to reorder, 0 broadcasts."))
      #expect(plan.stdout.contains("inputs.channel"))
      #expect(plan.stdout.contains("#signups"))
      let changedLines = plan.stdout.split(separator: "\n").filter { $0.contains("->") || $0.contains("→") }
      #expect(changedLines.count == 1, "more than one field changed:\n\(plan.stdout)")
      try await context.emulator.resetStats()
      try await context.applyAndExpectConvergence()
      #expect(try await context.emulator.count("PATCH \(Self.functionsRoute){id}/") == 1)
    }
  }

  @Test func reorderingTransformationsTakesExactlyOneRearrange() async throws {
    try await withContext { context in
      try await context.applyAndExpectConvergence()
      try context.workspace.edit(
        "hogctl.yaml", replacing: "[GeoIP region, Drop bots, Hash emails]",
        with: "[Hash emails, GeoIP region, Drop bots]")
      let plan = try await context.hogctl(["plan"])
      #expect(plan.stdout.contains("1 to reorder"))
      try await context.emulator.resetStats()
      try await context.applyAndExpectConvergence()
      #expect(try await context.emulator.count("PATCH \(Self.functionsRoute)rearrange/") == 1)
      #expect(try await context.emulator.count("PATCH \(Self.functionsRoute){id}/") == 0)
      let order = try await context.emulator.liveFunctions().filter { $0["type"] == "transformation" }
        .sorted { ($0["execution_order"]?.intValue ?? 0) < ($1["execution_order"]?.intValue ?? 0) }
        .map { $0["name"]?.stringValue ?? "" }
      #expect(order == ["Hash emails", "GeoIP region", "Drop bots"])
    }
  }

  @Test func pruneStopsAtTheThresholdUnlessForced() async throws {
    try await withContext { context in
      try await context.applyAndExpectConvergence()
      // Thresholds apply to types with at least 10 live functions: 4 managed, 6 unmanaged and 1
      // ignored destinations make 10 in scope.
      for name in [
        "Unmanaged A", "Unmanaged B", "Unmanaged C", "Unmanaged D", "Unmanaged E", "Unmanaged F",
        "Legacy hook",
      ] {
        try await context.emulator.request(
          "POST", "/api/environments/\(context.emulator.emulator.projectID)/hog_functions/",
          body: ["name": .string(name), "type": "destination", "hog": "return event"])
      }
      try context.workspace.edit("hogctl.yaml", replacing: "prune: false", with: "prune: true")
      try context.workspace.edit(
        "hogctl.yaml", replacing: "max_delete_percent: 30", with: "max_delete_percent: 20")
      let refused = try await context.hogctl(["plan"])
      #expect(refused.exitCode == 1)
      #expect(refused.output.contains("max_delete_percent"))
      let forced = try await context.hogctl(["apply", "--auto-approve", "--force"])
      #expect(forced.exitCode == 0, "\(forced.output)")
      let names = Set(try await context.emulator.liveFunctions().compactMap { $0["name"]?.stringValue })
      #expect(!names.contains("Unmanaged A") && !names.contains("Unmanaged C"))
      #expect(names.contains("Legacy hook"), "an ignore glob must protect it")
      #expect(names.count == 8)
    }
  }

  @Test func aStaleSavedPlanIsRefused() async throws {
    try await withContext { context in
      try await context.applyAndExpectConvergence()
      try context.workspace.edit("drop-bots.yaml", replacing: "curl/, uptimerobot", with: "curl/")
      let saved = try await context.hogctl(["plan", "-out", "change.plan"])
      #expect(saved.exitCode == 0)
      let planText = try String(
        contentsOf: context.workspace.root.appendingPathComponent("change.plan"), encoding: .utf8)
      #expect(!planText.contains(Self.secret))
      let victim = try await context.emulator.liveFunctions().first { $0["name"] == "Drop bots" }
      let id = try #require(victim?["id"]?.stringValue)
      try await context.emulator.request(
        "PATCH", "/api/environments/\(context.emulator.emulator.projectID)/hog_functions/\(id)/",
        body: ["description": "edited in the PostHog UI"])
      let refused = try await context.hogctlPlanFile(["apply", "change.plan"])
      #expect(refused.exitCode == 1)
      #expect(refused.output.contains("stale"))
      #expect(refused.output.contains("Drop bots"))
      let live = try await context.emulator.liveFunctions().first { $0["name"] == "Drop bots" }
      #expect(live?["description"] == "edited in the PostHog UI", "a refused plan must change nothing")

      let fresh = try await context.hogctl(["plan", "-out", "fresh.plan"])
      #expect(fresh.exitCode == 0)
      let applied = try await context.hogctlPlanFile(["apply", "fresh.plan"])
      #expect(applied.exitCode == 0, "\(applied.output)")
      #expect(try await context.hogctl(["plan", "--detailed-exitcode"]).exitCode == 0)

      // An empty saved plan says so instead of ending silently.
      #expect(try await context.hogctl(["plan", "-out", "empty.plan"]).exitCode == 0)
      let empty = try await context.hogctlPlanFile(["apply", "empty.plan"])
      #expect(empty.exitCode == 0)
      #expect(empty.output.contains("No changes. The saved plan is empty"), "\(empty.output)")

      // A plan saved by a hogctl whose saved-plan format differs is refused by name.
      let freshURL = context.workspace.root.appendingPathComponent("fresh.plan")
      let freshText = try String(contentsOf: freshURL, encoding: .utf8)
      let version = #""saved_plan_version" : "3""#
      #expect(freshText.contains(version))
      try freshText.replacingOccurrences(of: version, with: #""saved_plan_version" : "2""#)
        .write(to: freshURL, atomically: true, encoding: .utf8)
      let old = try await context.hogctlPlanFile(["apply", "fresh.plan"])
      #expect(old.exitCode == 1)
      #expect(old.output.contains("saved plan of format 2; this hogctl reads format 3"))
    }
  }

  @Test func aSecretIsSentOnCreateAndNeverAgainUnlessRotated() async throws {
    try await withContext { context in
      try await context.applyAndExpectConvergence()
      let hook = try await context.emulator.liveFunctions().first { $0["name"] == "Signup webhook" }
      let id = try #require(hook?["id"]?.stringValue)
      let received = {
        try await context.emulator.stats()["secret_inputs"]?[id]?["signing_secret"]?.intValue ?? 0
      }
      #expect(try await received() == 1)
      try context.workspace.edit("signup-webhook.yaml", replacing: "with HMAC-SHA256", with: "with HMAC")
      try await context.applyAndExpectConvergence()
      #expect(try await received() == 1, "an update must send the keep-marker, not the value")
      let rotated = try await context.hogctl(["apply", "--auto-approve", "--rotate-secrets"])
      #expect(rotated.exitCode == 0, "\(rotated.output)")
      #expect(rotated.stdout.contains("(sensitive value)"))
      #expect(try await received() == 2)
    }
  }

  @Test func applyWithoutATerminalOrAutoApproveRefusesAndSaysSo() async throws {
    try await withContext { context in
      let run = try await context.hogctl(["apply"])
      #expect(run.exitCode == 1)
      #expect(run.output.contains("--auto-approve"))
      #expect(try await context.emulator.liveFunctions().isEmpty)
    }
  }

  @Test func aValidationErrorStopsBeforeAnyAPICall() async throws {
    try await withContext { context in
      try context.workspace.edit(
        "drop-bots.yaml", replacing: "type: transformation", with: "type: transformer")
      try await context.emulator.resetStats()
      let run = try await context.hogctl(["apply", "--auto-approve"])
      #expect(run.exitCode == 1)
      #expect(run.stderr.contains("drop-bots.yaml:3:7: error: [invalid-enum]"))
      #expect(try await context.emulator.totalRequests() == 0)
    }
  }

  /// Every command path with `--debug`: the trace is there, the key and the secret are not (each
  /// run's stdout and stderr are searched by `hogctl(_:)`).
  @Test func debugTracesNeverShowTheKeyOrASecret() async throws {
    try await withContext { context in
      for arguments in [
        ["plan", "--debug"], ["plan", "--debug", "--format", "json"],
        ["plan", "--debug", "--format", "markdown"], ["apply", "--debug", "--auto-approve"],
        ["apply", "--debug", "--auto-approve", "--rotate-secrets"], ["plan", "--debug", "-out", "p.plan"],
      ] {
        let run = try await context.hogctl(arguments)
        #expect(run.exitCode == 0, "\(arguments): \(run.output)")
        #expect(run.stderr.contains("Bearer [redacted]"), "\(arguments) printed no trace")
      }
      let saved = try await context.hogctlPlanFile(["apply", "p.plan", "--debug"])
      #expect(saved.exitCode == 0)
      let validate = try await HogctlProcess.run(
        ["validate", "manifests"], in: context.workspace.root, environment: context.environment)
      #expect(validate.exitCode == 0)
      #expect(!validate.output.contains(ApplyEndToEndTests.secret))
    }
  }
}
