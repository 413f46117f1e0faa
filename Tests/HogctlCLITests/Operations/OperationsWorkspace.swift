import Foundation
import HogctlJSON
import Testing

/// A live emulator and a scratch directory holding `manifests/` (one transformation with tests,
/// one destination with tests), for the operating commands run through the real binary.
struct OperationsWorkspace {
  let emulator: EmulatorHarness
  let root: URL

  static let files = [
    "hogctl.yaml": """
    version: 1
    manage: {types: [destination, transformation], prune: false}
    """,
    "tag-plan.yaml": """
    type: transformation
    name: Tag plan
    hog: |
      event.properties.tagged := true
      return event
    tests:
      - name: tags the event
        globals: {event: {event: $pageview, properties: {}}}
        expect: {status: success, result: {properties: {tagged: true}}, logs_contain: [tagged]}
      - name: expects the wrong tag
        globals: {event: {event: $pageview, properties: {}}}
        expect: {result: {properties: {tagged: false}}}
    """,
    "webhook.yaml": """
    name: Order webhook
    hog: |
      fetch('https://example.com/orders', {'method': 'POST', 'body': event})
    tests:
      - name: posts the order
        globals: {event: {event: order placed, properties: {total: 3}}}
        expect:
          fetch: [{url: "https://example.com/orders", method: post, body: {event: {properties: {total: 3}}}}]
      - name: a skip the manifest expects is still not a pass
        globals: {event: {event: order placed}}
        expect: {status: skipped}
    """,
  ]

  static func with(_ body: (OperationsWorkspace) async throws -> Void) async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hogctl-ops-\(UUID().uuidString)")
    let manifests = root.appendingPathComponent("manifests")
    try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
    for (name, text) in files {
      try (text + "\n").write(to: manifests.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let emulator = try await EmulatorHarness.start()
    defer { try? FileManager.default.removeItem(at: root) }
    do {
      try await body(OperationsWorkspace(emulator: emulator, root: root))
    } catch {
      await emulator.stop()
      throw error
    }
    await emulator.stop()
  }

  /// Runs `hogctl` with the emulator's connection options appended; the key is never printed.
  func hogctl(_ arguments: [String]) async throws -> HogctlRun {
    let run = try await HogctlProcess.run(
      arguments + emulator.connectionArguments, in: root, environment: emulator.environment)
    #expect(!run.output.contains(emulator.emulator.apiKey), "the API key was printed")
    return run
  }

  func apply() async throws {
    let run = try await hogctl(["apply", "manifests", "--auto-approve"])
    try #require(run.exitCode == 0, "apply failed:\n\(run.output)")
  }

  /// The id of the live function with this name.
  func id(of name: String) async throws -> String {
    let live = try await emulator.liveFunctions()
    return try #require(live.first { $0["name"]?.stringValue == name }?["id"]?.stringValue)
  }

  func seed(_ body: JSONValue) async throws {
    let answer = try await emulator.request("POST", "/_emulator/seed", body: body)
    #expect(answer["functions"] != nil, "seeding failed: \(answer)")
  }

  static func isoTime(secondsAgo: Double) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: Date().addingTimeInterval(-secondsAgo))
  }
}
