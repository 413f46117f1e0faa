import Emulator
import Foundation
import HogctlCore
import HogctlJSON
import PostHogAPI
import Testing

/// The real client over real sockets against the in-process emulator.
@Suite(.serialized) struct EmulatorEndToEndTests {
  static let listRoute = "GET /api/environments/{project_id}/hog_functions/"
  static let createRoute = "POST /api/environments/{project_id}/hog_functions/"

  @Test(arguments: [0, 1, 150, 2500])
  func listingTakesOneRequestPerPage(count: Int) async throws {
    try await withEmulator(client: { $0.pageSize = 100 }) { _, client, admin in
      try await admin.seedFunctions(count)
      try await admin.resetStats()
      let functions = try await client.listHogFunctions(types: ["destination", "transformation"])
      #expect(functions.count == count)
      #expect(Set(functions.map(\.id)).count == count)
      let pages = max(1, (count + 99) / 100)
      #expect(try await admin.count(Self.listRoute) == pages)
    }
  }

  @Test func theDefaultPageSizeListsThousandsInFewRequests() async throws {
    try await withEmulator { _, client, admin in
      try await admin.seedFunctions(2500)
      try await admin.resetStats()
      #expect(try await client.listHogFunctions(types: []).count == 2500)
      #expect(try await admin.count(Self.listRoute) == 3)
    }
  }

  @Test func aRoundTripThroughEveryWriteCall() async throws {
    try await withEmulator { _, client, admin in
      let created = try await client.createHogFunction([
        "name": "Hook", "type": "destination", "hog": "fetch(inputs.url, {})", "enabled": true,
        "inputs_schema": [
          ["key": "url", "type": "string", "required": true],
          ["key": "token", "type": "string", "secret": true],
        ],
        "inputs": ["url": ["value": "https://example.com"], "token": ["value": "s3cr3t-value"]],
      ])
      #expect(created.name == "Hook")
      #expect(created.raw["inputs"]?["token"] == ["secret": true])
      let updated = try await client.updateHogFunction(id: created.id, ["description": "changed"])
      #expect(updated.raw["description"] == "changed")
      try await client.deleteHogFunction(id: created.id)
      #expect(try await client.listHogFunctions(types: ["destination"]).isEmpty)
      let restored = try await client.restoreHogFunction(id: created.id)
      #expect(restored.id == created.id)
      #expect(try await client.getHogFunction(id: created.id).raw["description"] == "changed")
      #expect(try await admin.stats()["secret_inputs"]?[created.id]?["token"] == 1)
    }
  }

  @Test func validationErrorsCarryTheField() async throws {
    try await withEmulator { _, client, _ in
      do {
        _ = try await client.createHogFunction([
          "name": "Hook", "hog": "return 1",
          "inputs_schema": [["key": "url", "type": "string", "required": true]], "inputs": [:],
        ])
        Issue.record("expected a validation error")
      } catch let error as APIError {
        #expect(error.status == 400)
        #expect(error.attr == "inputs__url")
        #expect(error.localizedDescription.contains("at field 'inputs__url'"))
      }
    }
  }

  @Test func aThrottledRequestWaitsOutRetryAfterAndSucceeds() async throws {
    // 60/minute refills one token a second, so the 61st request is told to retry after 1 s.
    let configuration = EmulatorConfiguration(port: 0, rateLimit: .init(perMinute: 60, perHour: 100_000))
    try await withEmulator(configuration, client: { $0.rateLimit = nil }) { _, client, admin in
      let created = try await client.createHogFunction(["name": "Hook", "hog": "return 1"])
      var calls = 1
      var waitedOut = false
      for _ in 0..<200 {
        let started = ContinuousClock.now
        let function = try await client.getHogFunction(id: created.id)
        #expect(function.id == created.id)
        calls += 1
        if ContinuousClock.now - started >= .milliseconds(900) {
          waitedOut = true
          break
        }
      }
      #expect(waitedOut)
      // Exactly one extra request: the one answered 429.
      #expect(try await admin.total() == calls + 1)
    }
  }

  @Test func threeUnavailableAnswersThenSuccess() async throws {
    try await withEmulator { _, client, admin in
      try await admin.post(
        "faults",
        ["method": "GET", "path": "/api/*/*/hog_functions/", "count": 3, "kind": "status", "status": 503])
      #expect(try await client.listHogFunctions(types: ["destination"]).isEmpty)
      #expect(try await admin.count(Self.listRoute) == 4)
    }
  }

  @Test func aCreateWhoseConnectionDropsIsNotSentAgain() async throws {
    try await withEmulator { _, client, admin in
      // Warm a keep-alive connection first: the create must still not be resent.
      _ = try await client.listHogFunctions(types: ["destination"])
      try await admin.post(
        "faults", ["method": "POST", "path": "/api/**", "kind": "commit_then_fail", "then": "drop"])
      do {
        _ = try await client.createHogFunction(["name": "Dropped", "hog": "return 1"])
        Issue.record("expected an ambiguous create")
      } catch let error as APIError {
        guard case .ambiguousCreate(let name, _, _) = error else {
          Issue.record("expected ambiguousCreate, got \(error)")
          return
        }
        #expect(name == "Dropped")
      }
      #expect(try await admin.count(Self.createRoute) == 1)
      // It was stored once: looking the name up finds exactly one.
      #expect(
        try await client.listHogFunctions(types: ["destination"]).filter { $0.name == "Dropped" }.count == 1)
    }
  }

  @Test func aCreateAnsweredWithServerErrorIsReportedAmbiguousOnce() async throws {
    try await withEmulator { _, client, admin in
      try await admin.post("faults", ["method": "POST", "kind": "status", "status": 502])
      await #expect {
        _ = try await client.createHogFunction(["name": "Maybe", "hog": "return 1"])
      } throws: { error in
        if case .ambiguousCreate(name: "Maybe", _, _) = error as? APIError { return true }
        return false
      }
      #expect(try await admin.count(Self.createRoute) == 1)
    }
  }

  @Test func aPlainHTTPHostOtherThanLoopbackIsRefused() throws {
    let settings = ClientSettings(host: URL(string: "http://10.0.0.1:8010")!, projectID: "1", apiKey: "phx_x")
    #expect(throws: APIError.insecureHost("10.0.0.1")) { _ = try PostHogClient(settings: settings) }
  }

  @Test func logsMetricsIconsAndTemplatesAreRead() async throws {
    try await withEmulator { _, client, admin in
      let created = try await client.createHogFunction(["name": "Hook", "hog": "return 1", "enabled": true])
      try await admin.post(
        "seed",
        [
          "logs": [
            [
              "log_source_id": .string(created.id), "instance_id": "i1", "level": "error", "message": "boom",
              "timestamp": "2025-01-01T10:00:00Z",
            ],
            [
              "log_source_id": .string(created.id), "instance_id": "i2", "level": "info", "message": "fine",
              "timestamp": "2025-01-01T11:00:00Z",
            ],
          ],
          "metrics": [["function_id": .string(created.id), "name": "succeeded", "count": 3]],
        ])
      let errors = try await client.functionLogs(id: created.id, query: LogsQuery(levels: ["ERROR"]))
      #expect(errors.entries.map(\.message) == ["boom"])
      let firstPage = try await client.functionLogs(id: created.id, query: LogsQuery(limit: 1))
      #expect(firstPage.entries.map(\.message) == ["fine"])
      if let next = firstPage.next {
        #expect(try await client.functionLogs(nextPage: next).entries.map(\.message) == ["boom"])
      }
      let totals = try await client.functionMetricsTotals(id: created.id, query: MetricsQuery())
      #expect(totals["success"] == 3)
      let metrics = try await client.functionMetrics(id: created.id, query: MetricsQuery(after: "-7d"))
      #expect(metrics.labels.count >= 7)
      let icons = try await client.icons(query: "slack")
      let slack = try #require(icons.first)
      let image = try await client.icon(id: slack.id)
      #expect(image.data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
      let templates = try await client.templates(types: ["destination"])
      #expect(templates.contains { $0["id"] == "template-webhook" })
      #expect(try await client.template(id: "template-slack")["type"] == "destination")
    }
  }

  @Test func theDebugTraceOverRealHTTPNeverShowsTheKeyOrSecrets() async throws {
    let emulator = try await startEmulator(EmulatorConfiguration(port: 0, rateLimit: nil))
    let lines = TraceLines()
    let settings = ClientSettings(
      host: emulator.baseURL, projectID: String(emulator.projectID), apiKey: emulator.apiKey)
    let client = try PostHogClient(settings: settings, trace: { lines.append($0) })
    let created = try await client.createHogFunction([
      "name": "Hook", "hog": "return 1",
      "inputs_schema": [["key": "token", "type": "string", "secret": true]],
      "inputs": ["token": ["value": "tok-very-secret-42"]],
    ])
    _ = try await client.updateHogFunction(
      id: created.id,
      [
        "inputs": ["token": ["value": "tok-rotated-43"]],
        "inputs_schema": [["key": "token", "type": "string", "secret": true]],
      ])
    _ = try await client.listHogFunctions(types: [])
    await emulator.shutdown()
    let trace = lines.all.joined(separator: "\n")
    #expect(trace.contains("Authorization: Bearer [redacted]"))
    for secret in [emulator.apiKey, "tok-very-secret-42", "tok-rotated-43"] {
      #expect(!trace.contains(secret))
    }
  }
}
