import Foundation
import HogctlCore
import HogctlJSON
import Importer
import Manifests
import PostHogAPI
import Reconciler
import Testing

/// For many random live projects: import, then the plan of the imported manifests against the
/// project is empty, and importing again gives the same files. In process against one emulator
/// over HTTP (the steps `hogctl import` and `hogctl plan` take, without starting the binary
/// 100 times); the binary itself is covered by ImportEndToEndTests.
@Suite(.serialized) struct ImportPropertyTests {
  static let rounds = ProcessInfo.processInfo.environment["HOGCTL_PROPERTY_ROUNDS"].flatMap(Int.init) ?? 100

  @Test func randomProjectsImportThenPlanAsNoChange() async throws {
    let emulator = try await EmulatorHarness.start()
    defer { Task { await emulator.stop() } }
    let pipeline = try LibraryPipeline(emulator)
    let base = "/api/environments/\(emulator.emulator.projectID)/hog_functions/"
    var random = SeededGenerator(seed: 0x1A90_2026)
    var seen: [String: Int] = [:]
    for round in 0..<Self.rounds {
      for function in try await emulator.liveFunctions() {
        try await emulator.request(
          "PATCH", base + (function["id"]?.stringValue ?? "") + "/", body: ["deleted": true])
      }
      let project = SeedProject.make(count: Int.random(in: 1...14, using: &random), using: &random)
      var created: [JSONValue] = []
      for body in project.bodies {
        let answer = try await emulator.request("POST", base, body: .object(body))
        #expect(answer["id"] != nil, "round \(round): the emulator refused \(body): \(answer)")
        created.append(answer)
      }
      if let victim = created.randomElement(using: &random), random.chance(0.3) {
        try await emulator.request(
          "PATCH", base + (victim["id"]?.stringValue ?? "") + "/", body: ["deleted": true])
      }
      let problems = try await importAndPlan(pipeline, round: round, seen: &seen)
      if !problems.isEmpty {
        Issue.record("round \(round) (\(project.bodies.count) functions): \(problems)")
        break
      }
    }
    // The rounds must have met every feature the import handles.
    for feature in Self.features { #expect(seen[feature, default: 0] > 0, "no round wrote \(feature)") }
  }

  static let features = [
    "!env ", "!file ", "!input", "template_id:", "mappings:", "masking:", "actions:", "enabled: false",
    "type: site_app", "type: source_webhook", "type: internal_destination", "type: site_destination", ": \"",
  ]

  /// Imports the whole project, checks the files, plans them, and imports again.
  func importAndPlan(_ pipeline: LibraryPipeline, round: Int, seen: inout [String: Int]) async throws
    -> [String]
  {
    let live = try await pipeline.client.listHogFunctionsWithTemplates(types: [])
    let output = try Importer.run(
      live: live.functions, templates: live.templates, request: ImportRequest(), settings: nil)
    var problems = try Importer.check(output, live: live.functions, templates: live.templates)
    var texts = ["hogctl.yaml": output.settings]
    for file in output.files {
      texts[file.path] = file.text
      for feature in Self.features where file.text.contains(feature) { seen[feature, default: 0] += 1 }
    }
    let environment = Dictionary(uniqueKeysWithValues: output.variables.map { ($0.name, "value-\($0.name)") })
    let result = try LibraryPipeline.load(texts, environment: environment)
    #expect(result.functions.count == live.functions.count, "round \(round): not every function was imported")
    let plan = try await pipeline.plan(result)
    problems += plan.actions.map { "\($0.kind) \($0.name): \($0.changes.map(\.path))" }
    let again = try Importer.run(
      live: live.functions, templates: live.templates, request: ImportRequest(), settings: output.settings)
    if again.files.map(\.path) != output.files.map(\.path)
      || again.files.map(\.text) != output.files.map(\.text)
      || again.settings != output.settings
    {
      problems.append("a second import gives other files")
    }
    return problems
  }
}
