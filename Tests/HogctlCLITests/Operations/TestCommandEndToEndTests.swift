import Foundation
import HogctlJSON
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `hogctl test` through the real binary against the emulator. The emulator does not run Hog, so
/// the executed answers PostHog gives are scripted for the first invocations (an emulator fault
/// with status 200 and PostHog's response body); the rest get the emulator's own answer.
@Suite(.serialized) struct TestCommandEndToEndTests {
  /// What PostHog answers when the transformation ran: the event with the property set.
  static let executedAnswer: JSONValue = [
    "result": ["event": "$pageview", "properties": ["tagged": true]], "status": "success", "errors": [],
    "logs": [["level": "info", "timestamp": "2026-01-01T00:00:00.000Z", "message": "tagged the event"]],
  ]

  /// What PostHog answers when the webhook ran with fetch mocked: the call, logged.
  static let mockedFetchAnswer: JSONValue = [
    "result": nil, "status": "success", "errors": [],
    "logs": [
      [
        "level": "info", "timestamp": "2026-01-01T00:00:00.000Z",
        "message": "Async function 'fetch' was mocked with arguments:",
      ],
      [
        "level": "info", "timestamp": "2026-01-01T00:00:00.000Z",
        "message": .string(
          "fetch('https://example.com/orders', {\n  \"method\": \"POST\",\n  \"body\": {\n    \"event\": "
            + "{\"event\": \"order placed\", \"properties\": {\"total\": 3}}\n  }\n})"),
      ],
    ],
  ]

  /// The next `count` invocations get `answer`, as PostHog would give it, instead of the emulator's own.
  func script(_ answer: JSONValue, count: Int, in workspace: OperationsWorkspace) async throws {
    let fault: JSONValue = [
      "method": "POST", "path": "/api/*/*/hog_functions/new/invocations/", "count": .number(Double(count)),
      "kind": "status", "status": 200, "body": answer,
    ]
    _ = try await workspace.emulator.request("POST", "/_emulator/faults", body: fault)
  }

  @Test func aPassAFailureAndSkipsWithTheServersReason() async throws {
    try await OperationsWorkspace.with { workspace in
      try await script(Self.executedAnswer, count: 2, in: workspace)
      try await script(Self.mockedFetchAnswer, count: 1, in: workspace)
      let run = try await workspace.hogctl(["test", "manifests", "--junit", "results.xml"])
      #expect(run.exitCode == 1, "a failed test must fail the run:\n\(run.output)")
      #expect(run.stdout.contains("PASS  Tag plan › tags the event"))
      #expect(run.stdout.contains("FAIL  Tag plan › expects the wrong tag"))
      #expect(run.stdout.contains("result.properties.tagged: expected false, got true"))
      #expect(run.stdout.contains("PASS  Order webhook › posts the order"))
      #expect(run.stdout.contains("SKIP  Order webhook › a skip the manifest expects is still not a pass"))
      #expect(run.stdout.contains("not executed: The hogctl emulator does not execute Hog"))
      #expect(run.stdout.contains("Tests: 2 passed, 1 failed, 1 skipped, 4 in total."))
      // Every test went to `new`: the unapplied manifests were tested and nothing was created.
      #expect(try await workspace.emulator.liveFunctions().isEmpty)

      let document = try XMLDocument(
        contentsOf: workspace.root.appendingPathComponent("results.xml"), options: [])
      let root = try #require(document.rootElement())
      #expect(root.name == "testsuites")
      #expect(root.attribute(forName: "tests")?.stringValue == "4")
      #expect(root.attribute(forName: "failures")?.stringValue == "1")
      #expect(root.attribute(forName: "skipped")?.stringValue == "1")
      let suites = root.elements(forName: "testsuite")
      #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["Tag plan", "Order webhook"])
      let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
      #expect(cases.count == 4)
      let byName = Dictionary(
        uniqueKeysWithValues: cases.map { ($0.attribute(forName: "name")?.stringValue ?? "", $0) })
      #expect(
        byName["tags the event"]?.children == nil || byName["tags the event"]?.children?.isEmpty == true)
      let failure = try #require(byName["expects the wrong tag"]?.elements(forName: "failure").first)
      #expect(
        failure.attribute(forName: "message")?.stringValue?.contains("expected false, got true") == true)
      #expect(
        byName["posts the order"]?.children == nil || byName["posts the order"]?.children?.isEmpty == true)
      let skipped = try #require(
        byName["a skip the manifest expects is still not a pass"]?.elements(forName: "skipped").first)
      #expect(skipped.attribute(forName: "message")?.stringValue?.contains("does not execute Hog") == true)
      #expect(cases.allSatisfy { $0.attribute(forName: "file")?.stringValue?.hasSuffix(".yaml") == true })
    }
  }

  @Test func onlySkippedTestsExitZeroAndSayNothingWasChecked() async throws {
    try await OperationsWorkspace.with { workspace in
      let run = try await workspace.hogctl([
        "test", "manifests", "--target", "Order webhook", "--format", "json",
      ])
      #expect(run.exitCode == 0, "\(run.output)")
      let json = try JSONValue.parse(run.stdout)
      #expect(json["summary"] == ["passed": 0, "failed": 0, "skipped": 2])
      let outcomes = json["tests"]?.arrayValue?.compactMap { $0["outcome"]?.stringValue }
      #expect(outcomes == ["skipped", "skipped"])
      #expect(
        json["tests"]?.arrayValue?.first?["reason"]?.stringValue?.contains("does not execute Hog") == true)
    }
  }

  @Test func aConfigurationPostHogRefusesFailsTheTest() async throws {
    try await OperationsWorkspace.with { workspace in
      let refusal: JSONValue = [
        "method": "POST", "path": "/api/*/*/hog_functions/new/invocations/", "kind": "status", "status": 400,
        "body": ["configuration": ["hog": ["Hog code has errors."]]],
      ]
      _ = try await workspace.emulator.request("POST", "/_emulator/faults", body: refusal)
      let run = try await workspace.hogctl(["test", "manifests", "--target", "Tag plan"])
      #expect(run.exitCode == 1)
      #expect(run.stdout.contains("FAIL  Tag plan › tags the event"))
      #expect(run.stdout.contains("Hog code has errors."))
    }
  }

  @Test func anUnknownTargetIsAnError() async throws {
    try await OperationsWorkspace.with { workspace in
      let run = try await workspace.hogctl(["test", "manifests", "--target", "Nope"])
      #expect(run.exitCode == 1)
      #expect(run.stderr.contains("No manifest is named 'Nope'"))
    }
  }
}
