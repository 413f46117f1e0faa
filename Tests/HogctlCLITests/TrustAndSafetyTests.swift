import Foundation
import HogctlJSON
import Testing

/// A plan on an untrusted pull request leaks nothing, a wrong path deletes nothing, concurrent
/// applies leave no duplicates: the real binary against a live emulator.
@Suite(.serialized) struct TrustAndSafetyTests {
  static let signing = "sig-value-8c1d9e77"
  static let hogCode = "let k := 'sig-value-8c1d9e77'\nreturn event"

  static func workspace(_ files: [String: String]) throws -> Workspace {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hogctl-safety-\(UUID().uuidString)")
    let workspace = Workspace(root: root)
    try FileManager.default.createDirectory(at: workspace.manifests, withIntermediateDirectories: true)
    for (name, text) in files {
      let url = workspace.manifests.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return workspace
  }

  static let settings = """
    version: 1
    manage: {types: [destination, transformation], prune: true}
    """

  static let leakProbe = """
    name: Leak probe
    type: destination
    description: !env POSTHOG_PERSONAL_API_KEY
    hog: !env HOG_CODE
    filters:
      events:
        - id: $pageview
          properties:
            - {key: token, value: !env SIGNING, operator: exact, type: event}
    inputs_schema:
      - {key: url, type: string, required: true}
      - {key: signing, type: string, secret: true}
    inputs:
      url: https://example.com/hook
      signing: !env SIGNING
    mappings:
      - name: !env SIGNING
        inputs_schema: [{key: table, type: string}]
        inputs: {table: t}
    """

  @Test func environmentValuesAndTheKeyAppearInNoOutput() async throws {
    let emulator = try await EmulatorHarness.start()
    let workspace = try Self.workspace(["hogctl.yaml": Self.settings, "leak.yaml": Self.leakProbe])
    defer { workspace.remove() }
    let key = emulator.emulator.apiKey
    let environment = emulator.environment.merging(["SIGNING": Self.signing, "HOG_CODE": Self.hogCode]) { $1 }
    var outputs: [String] = []
    func hogctl(_ arguments: [String]) async throws -> HogctlRun {
      let run = try await HogctlProcess.run(
        arguments + emulator.connectionArguments, in: workspace.root, environment: environment)
      outputs.append(run.output)
      return run
    }
    for format in ["text", "json", "markdown"] {
      let plan = try await hogctl(["plan", "manifests", "--format", format, "--debug"])
      #expect(plan.exitCode == 0, "\(plan.output)")
      #expect(plan.stdout.contains(format == "json" ? "\"sensitive\": true" : "(sensitive value)"))
    }
    let saved = try await hogctl(["plan", "manifests", "-out", "change.plan"])
    #expect(saved.exitCode == 0, "\(saved.output)")
    outputs.append(
      try String(contentsOf: workspace.root.appendingPathComponent("change.plan"), encoding: .utf8))
    // The server refuses the create and echoes the values back, as a careless server might.
    try await emulator.request(
      "POST", "/_emulator/faults",
      body: [
        "faults": [
          [
            "method": "POST", "path": "/api/*/*/hog_functions/", "kind": "status", "status": 400,
            "body": [
              "type": "validation_error", "code": "invalid_input", "attr": "description",
              "detail": .string("Not allowed: \(key) and \(Self.signing)"),
            ],
          ]
        ]
      ])
    let failed = try await hogctl(["apply", "change.plan", "--debug"])
    #expect(failed.exitCode == 1, "\(failed.output)")
    outputs.append(
      try String(
        contentsOf: workspace.root.appendingPathComponent(".hogctl/apply-report.json"), encoding: .utf8))
    for format in ["text", "json"] {
      let apply = try await hogctl(["apply", "manifests", "--auto-approve", "--format", format, "--debug"])
      #expect(apply.exitCode == 0, "\(apply.output)")
    }
    let after = try await hogctl(["plan", "manifests", "--detailed-exitcode"])
    #expect(after.exitCode == 0, "\(after.output)")
    // The values did reach PostHog: they are hidden, not lost.
    let live = try await emulator.liveFunctions()
    #expect(live.first?["description"]?.stringValue == key)
    #expect(live.first?["mappings"]?.arrayValue?.first?["name"]?.stringValue == Self.signing)
    #expect(outputs.count == 10)
    for output in outputs {
      #expect(!output.contains(key), "the API key was printed:\n\(output)")
      #expect(!output.contains(Self.signing), "an !env value was printed:\n\(output)")
    }
    await emulator.stop()
  }

  @Test func fileTargetsOutsideTheDirectoryAreRefusedBeforeAnyRequest() async throws {
    let emulator = try await EmulatorHarness.start()
    let workspace = try Self.workspace([
      "dotdot.yaml": "name: Dots\nhog: !file ../outside.hog\n",
      "absolute.yaml": "name: Absolute\nhog: !file /etc/hostname\n",
      "linked.yaml": "name: Linked\nhog: !file link.hog\n",
    ])
    defer { workspace.remove() }
    let outside = workspace.root.appendingPathComponent("outside.hog")
    try "OUTSIDE-CONTENT-31f".write(to: outside, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      at: workspace.manifests.appendingPathComponent("link.hog"), withDestinationURL: outside)
    try await emulator.resetStats()
    let run = try await HogctlProcess.run(
      ["plan", "manifests"] + emulator.connectionArguments, in: workspace.root,
      environment: emulator.environment)
    #expect(run.exitCode == 1)
    for location in ["dotdot.yaml:2:6", "absolute.yaml:2:6", "linked.yaml:2:6"] {
      #expect(run.stderr.contains("manifests/\(location): error: [file-outside-directory]"), "\(run.stderr)")
    }
    #expect(!run.output.contains("OUTSIDE-CONTENT-31f"))
    #expect(try await emulator.totalRequests() == 0)
    await emulator.stop()
  }

  @Test func pruneOverAnEmptyDirectoryDeletesNothingWithoutForce() async throws {
    let emulator = try await EmulatorHarness.start()
    let functions = (1...50).map { index -> JSONValue in
      [
        "name": .string("Live \(index)"), "type": index % 2 == 0 ? "destination" : "transformation",
        "hog": "return event",
      ]
    }
    try await emulator.request("POST", "/_emulator/seed", body: ["functions": .array(functions)])
    let workspace = try Self.workspace(["hogctl.yaml": Self.settings])
    defer { workspace.remove() }
    func apply(_ extra: [String]) async throws -> HogctlRun {
      try await HogctlProcess.run(
        ["apply", "manifests", "--auto-approve"] + extra + emulator.connectionArguments, in: workspace.root,
        environment: emulator.environment)
    }
    let refused = try await apply([])
    #expect(refused.exitCode == 1)
    #expect(refused.stderr.contains("holds no function manifest"), "\(refused.output)")
    #expect(try await emulator.liveFunctions().count == 50)
    let forced = try await apply(["--force"])
    #expect(forced.exitCode == 0, "\(forced.output)")
    #expect(try await emulator.liveFunctions().isEmpty)
    await emulator.stop()
  }

  @Test func fiveConcurrentAppliesLeaveOneFunctionPerManifest() async throws {
    let emulator = try await EmulatorHarness.start()
    var files = ["hogctl.yaml": "version: 1\nmanage: {types: [destination]}\n"]
    for index in 1...40 { files["f\(index).yaml"] = "name: Function \(index)\nhog: return event\n" }
    let workspace = try Self.workspace(files)
    defer { workspace.remove() }
    let runs = try await withThrowingTaskGroup(of: HogctlRun.self) { group in
      for _ in 1...5 {
        group.addTask {
          try await HogctlProcess.run(
            ["apply", "manifests", "--auto-approve"] + emulator.connectionArguments, in: workspace.root,
            environment: emulator.environment)
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    for run in runs { #expect(run.exitCode == 0, "\(run.output)") }
    let live = try await emulator.liveFunctions()
    let names = live.compactMap { $0["name"]?.stringValue }
    #expect(names.count == 40)
    #expect(Set(names).count == 40)
    // Every duplicate a run made, it removed and said so.
    let created = try await emulator.count("POST /api/environments/{project_id}/hog_functions/")
    let removedNotes = runs.map { $0.stdout.components(separatedBy: "this run's copy").count - 1 }.reduce(
      0, +)
    #expect(created - 40 == removedNotes)
    let plan = try await HogctlProcess.run(
      ["plan", "manifests", "--detailed-exitcode"] + emulator.connectionArguments, in: workspace.root,
      environment: emulator.environment)
    #expect(plan.exitCode == 0, "\(plan.output)")
    await emulator.stop()
  }

  @Test func duplicatesAlreadyLiveAreRepairedByTheFlag() async throws {
    let emulator = try await EmulatorHarness.start()
    let first = try await emulator.request(
      "POST", "/api/environments/\(emulator.emulator.projectID)/hog_functions/",
      body: ["name": "Twin", "type": "destination", "hog": "return event"])
    let second = try await emulator.request(
      "POST", "/api/environments/\(emulator.emulator.projectID)/hog_functions/",
      body: ["name": "Twin", "type": "destination", "hog": "return event"])
    let older = try #require(first["id"]?.stringValue)
    let newer = try #require(second["id"]?.stringValue)
    let workspace = try Self.workspace(["twin.yaml": "name: Twin\nhog: return event\n"])
    defer { workspace.remove() }
    func hogctl(_ arguments: [String]) async throws -> HogctlRun {
      try await HogctlProcess.run(
        arguments + ["manifests"] + emulator.connectionArguments, in: workspace.root,
        environment: emulator.environment)
    }
    let stopped = try await hogctl(["plan"])
    #expect(stopped.exitCode == 1)
    #expect(stopped.stderr.contains(older) && stopped.stderr.contains(newer))
    #expect(stopped.stderr.contains("--resolve-duplicates"))
    let shown = try await hogctl(["plan", "--resolve-duplicates"])
    #expect(shown.exitCode == 0, "\(shown.output)")
    #expect(shown.stdout.contains("duplicate of \(older)"), "\(shown.output)")
    let repaired = try await hogctl(["apply", "--auto-approve", "--resolve-duplicates"])
    #expect(repaired.exitCode == 0, "\(repaired.output)")
    #expect(try await emulator.liveFunctions().compactMap { $0["id"]?.stringValue } == [older])
    #expect(try await hogctl(["plan", "--detailed-exitcode"]).exitCode == 0)
    await emulator.stop()
  }
}

/// Plan and apply say where they point before anything else.
@Suite struct PointingTests {
  @Test func planAndApplyNameTheHostProjectAndAPIPathFirst() async throws {
    let emulator = try await EmulatorHarness.start()
    let workspace = try TrustAndSafetyTests.workspace(["f.yaml": "name: One\nhog: return event\n"])
    defer { workspace.remove() }
    let project = emulator.emulator.projectID
    let expected =
      "\(emulator.emulator.baseURL.absoluteString), project \(project) (/api/environments/\(project)/)"
    for (command, verb) in [(["plan"], "Planning against"), (["apply", "--auto-approve"], "Applying to")] {
      let run = try await HogctlProcess.run(
        command + ["manifests"] + emulator.connectionArguments, in: workspace.root,
        environment: emulator.environment)
      #expect(run.exitCode == 0, "\(run.output)")
      #expect(run.stderr.hasPrefix("\(verb) \(expected)."), "\(run.stderr)")
    }
    await emulator.stop()
  }
}
