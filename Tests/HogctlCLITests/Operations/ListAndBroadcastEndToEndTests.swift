import Foundation
import HogctlJSON
import Testing

/// `hogctl list` and `hogctl broadcast` through the real binary against the emulator.
@Suite(.serialized) struct ListAndBroadcastEndToEndTests {
  @Test func listMarksFunctionsNoManifestManages() async throws {
    try await OperationsWorkspace.with { workspace in
      try await workspace.apply()
      try await workspace.seed([
        "functions": [
          ["name": "Hand made", "hog": "return event", "type": "destination"],
          ["name": "Site thing", "hog": "export function onLoad() {}", "type": "site_app"],
        ]
      ])
      let run = try await workspace.hogctl(["list", "manifests"])
      #expect(run.exitCode == 0, "\(run.output)")
      let lines = run.stdout.split(separator: "\n").map(String.init)
      #expect(lines.first?.hasPrefix("NAME") == true)
      let handMade = try #require(lines.first { $0.hasPrefix("Hand made") })
      #expect(handMade.hasSuffix("(unmanaged)"))
      let tagPlan = try #require(lines.first { $0.hasPrefix("Tag plan") })
      #expect(tagPlan.hasSuffix("manifests/tag-plan.yaml:1"))
      #expect(tagPlan.contains(try await workspace.id(of: "Tag plan")))
      #expect(!run.stdout.contains("Site thing"), "site_app is not in scope without --all")
      #expect(
        run.stdout.contains(
          "3 live functions (destination, transformation): 2 managed, 1 unmanaged. "
            + "manage.prune is off: plan leaves unmanaged functions alone."))

      let all = try await workspace.hogctl(["list", "manifests", "--all", "--format", "json"])
      let json = try JSONValue.parse(all.stdout)
      let functions = json["functions"]?.arrayValue ?? []
      #expect(functions.count == 4)
      #expect(functions.first { $0["name"] == "Site thing" }?["managed_by"] == .null)
      #expect(functions.first { $0["name"] == "Order webhook" }?["managed_by"] == "manifests/webhook.yaml:1")

      // plan says the same, without listing them: Site thing is outside the types in scope.
      let plan = try await workspace.hogctl(["plan", "manifests"])
      #expect(plan.exitCode == 0, "\(plan.output)")
      #expect(
        plan.stdout.contains(
          "Warning: 1 live function in scope is named by no manifest; manage.prune is off, so plan "
            + "leaves it alone (`hogctl list` marks it)"))

      let transformations = try await workspace.hogctl(["list", "manifests", "--type", "transformation"])
      #expect(transformations.stdout.contains("Tag plan"))
      #expect(!transformations.stdout.contains("Order webhook"))
    }
  }

  @Test func broadcastRefusesWithoutYesOffATerminal() async throws {
    try await OperationsWorkspace.with { workspace in
      try await workspace.apply()
      try await workspace.emulator.resetStats()
      let run = try await workspace.hogctl(["broadcast", "Order webhook", "manifests"])
      #expect(run.exitCode == 1)
      #expect(run.stderr.contains("Not broadcast"))
      #expect(run.stderr.contains("Pass --yes"))
      let requests = try await workspace.emulator.stats()["requests"]?.objectValue?.keys.map { $0 } ?? []
      #expect(!requests.contains { $0.contains("broadcast") }, "nothing may be sent: \(requests)")
    }
  }

  /// `script` (util-linux) gives the binary a terminal, so the question is asked and answered.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func broadcastOnATerminalAsksAndOnlyYesSends() async throws {
    try await OperationsWorkspace.with { workspace in
      try await workspace.apply()
      try await workspace.emulator.resetStats()
      let command =
        ([HogctlProcess.binary.path, "broadcast", "Order webhook", "manifests"]
        + workspace.emulator.connectionArguments)
        .map { "'\($0)'" }.joined(separator: " ")
      func answer(_ input: String) async throws -> HogctlRun {
        try await HogctlProcess.run(
          ["-qec", command, "/dev/null"], in: workspace.root, environment: workspace.emulator.environment,
          input: input, executable: URL(fileURLWithPath: "/usr/bin/script"))
      }
      let declined = try await answer("no\n")
      #expect(declined.exitCode == 1, "\(declined.output)")
      #expect(declined.output.contains("Only 'yes' will be accepted."))
      #expect(declined.output.contains("Broadcast cancelled: nothing was sent."))
      let requests = try await workspace.emulator.stats()["requests"]?.objectValue?.keys.map { $0 } ?? []
      #expect(!requests.contains { $0.contains("broadcast") }, "nothing may be sent: \(requests)")

      let accepted = try await answer("yes\n")
      #expect(accepted.exitCode == 0, "\(accepted.output)")
      #expect(accepted.output.contains("PostHog answered: {\"success\":true}"))
    }
  }

  @Test func broadcastWithYesPrintsWhatPostHogAnswered() async throws {
    try await OperationsWorkspace.with { workspace in
      try await workspace.apply()
      try await workspace.seed([
        "persons": [["id": "p1", "distinct_id": "d1", "properties": ["plan": "pro"]]]
      ])
      let run = try await workspace.hogctl(["broadcast", "Order webhook", "manifests", "--yes"])
      #expect(run.exitCode == 0, "\(run.output)")
      #expect(run.stdout.contains("PostHog answered: {\"success\":true}"))
      // The emulator recorded one delivery for the one person; logs reads it back.
      let logs = try await workspace.hogctl(["logs", "Order webhook", "manifests", "--search", "$broadcast"])
      #expect(logs.exitCode == 0, "\(logs.output)")
      #expect(logs.stdout.contains("received event '$broadcast'"))
    }
  }

  @Test func anUnknownNameIsAClearError() async throws {
    try await OperationsWorkspace.with { workspace in
      let unapplied = try await workspace.hogctl(["broadcast", "Order webhook", "manifests", "--yes"])
      #expect(unapplied.exitCode == 1)
      #expect(unapplied.stderr.contains("'Order webhook' (manifests/webhook.yaml:1) is not live"))
      let unknown = try await workspace.hogctl(["logs", "Nobody", "manifests"])
      #expect(unknown.exitCode == 1)
      #expect(unknown.stderr.contains("No live function"))
    }
  }
}
