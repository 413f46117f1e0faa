import Foundation
import HogctlJSON
import Testing

@testable import PostHogAPI

@Suite struct ClientEndpointTests {
  @Test func createPostsTheBodyAndReturnsTheFunction() async throws {
    let transport = FakeTransport([.respond(.json(201, functionJSON(id: "new-id", name: "Hook")))])
    let created = try await TestSettings.client(transport).createHogFunction([
      "name": "Hook", "hog": "return 1",
    ])
    #expect(created.id == "new-id")
    let request = try #require(transport.requests.first)
    #expect(request.method == .post)
    #expect(request.url.fullPath == "/api/environments/7/hog_functions/")
    #expect(try JSONValue.parse(request.body!) == ["name": "Hook", "hog": "return 1"])
    #expect(request.header("Content-Type") == "application/json")
  }

  @Test func deleteAndRestoreAreSoftPatches() async throws {
    let transport = FakeTransport([
      .respond(.json(200, functionJSON(id: "a", name: "A"))),
      .respond(.json(200, functionJSON(id: "a", name: "A"))),
    ])
    let client = try TestSettings.client(transport)
    try await client.deleteHogFunction(id: "a")
    _ = try await client.restoreHogFunction(id: "a")
    #expect(transport.requests.map(\.method) == [.patch, .patch])
    #expect(
      transport.requests.map { $0.url.fullPath } == [
        "/api/environments/7/hog_functions/a/", "/api/environments/7/hog_functions/a/",
      ])
    #expect(
      try transport.requests.map { try JSONValue.parse($0.body!) } == [["deleted": true], ["deleted": false]])
  }

  @Test func rearrangeSendsAllOrdersInOneRequest() async throws {
    let transport = FakeTransport([
      .respond(
        .json(
          200,
          [
            functionJSON(id: "b", name: "B", type: "transformation"),
            functionJSON(id: "a", name: "A", type: "transformation"),
          ]))
    ])
    let ordered = try await TestSettings.client(transport).rearrange(orders: ["a": 2, "b": 1])
    #expect(ordered.map(\.id) == ["b", "a"])
    #expect(transport.requests.first?.url.fullPath == "/api/environments/7/hog_functions/rearrange/")
    #expect(try JSONValue.parse(transport.requests.first!.body!) == ["orders": ["a": 2, "b": 1]])
  }

  @Test func logsMetricsAndTotalsSendTheirFilters() async throws {
    let transport = FakeTransport([
      .respond(
        .json(
          200,
          [
            "count": 1,
            "next": "https://posthog.example.com/api/environments/7/hog_functions/f/logs/?before=x",
            "results": [
              [
                "log_source_id": "f", "instance_id": "i", "timestamp": "t", "level": "ERROR",
                "message": "boom",
              ]
            ],
          ])),
      .respond(
        .json(
          200, ["labels": ["2025-01-01", "2025-01-02"], "series": [["name": "success", "values": [3, 0]]]])),
      .respond(.json(200, ["totals": ["success": 3, "failure": 1]])),
    ])
    let client = try TestSettings.client(transport)
    let page = try await client.functionLogs(
      id: "f", query: LogsQuery(limit: 10, levels: ["ERROR", "WARN"], search: "bo"))
    #expect(
      page.entries == [
        LogEntry(functionID: "f", instanceID: "i", timestamp: "t", level: "ERROR", message: "boom")
      ])
    #expect(page.next?.query == "before=x")
    let metrics = try await client.functionMetrics(id: "f", query: MetricsQuery(after: "-7d", interval: .day))
    #expect(
      metrics
        == FunctionMetrics(
          labels: ["2025-01-01", "2025-01-02"], series: [.init(name: "success", values: [3, 0])]))
    let totals = try await client.functionMetricsTotals(id: "f", query: MetricsQuery(breakdownBy: .kind))
    #expect(totals == ["success": 3, "failure": 1])
    let urls = transport.requests.map { "\($0.url.fullPath)?\($0.url.query ?? "")" }
    #expect(
      urls == [
        "/api/environments/7/hog_functions/f/logs/?limit=10&level=ERROR,WARN&search=bo",
        "/api/environments/7/hog_functions/f/metrics/?after=-7d&interval=day",
        "/api/environments/7/hog_functions/f/metrics/totals/?breakdown_by=kind",
      ])
  }

  @Test func iconsAndIconBytes() async throws {
    let png = Data([0x89, 0x50, 0x4E, 0x47])
    let transport = FakeTransport([
      .respond(
        .json(
          200,
          [
            [
              "id": "slack.com", "name": "Slack",
              "url": "/api/projects/@current/hog_functions/icon/?id=slack.com",
            ]
          ])),
      .respond(APIResponse(status: 200, headers: ["Content-Type": "image/png"], body: png)),
    ])
    let client = try TestSettings.client(transport)
    #expect(try await client.icons(query: "slack").map(\.id) == ["slack.com"])
    #expect(try await client.icon(id: "slack.com") == IconImage(data: png, contentType: "image/png"))
    #expect(transport.requests.last?.url.query == "id=slack.com")
  }

  @Test func aSuccessWithoutJSONIsAnInvalidResponse() async throws {
    let transport = FakeTransport([.respond(APIResponse(status: 200, body: Data("<html>hi</html>".utf8)))])
    await #expect {
      _ = try await TestSettings.client(transport).getHogFunction(id: "x")
    } throws: { error in
      guard case .invalidResponse = error as? APIError else { return false }
      return true
    }
  }

  @Test func plainHTTPIsRefusedExceptToLoopback() throws {
    var settings = TestSettings.settings()
    settings.host = URL(string: "http://posthog.example.com")!
    #expect(throws: APIError.insecureHost("posthog.example.com")) {
      _ = try PostHogClient(settings: settings, transport: FakeTransport())
    }
    settings.insecureHTTP = true
    _ = try PostHogClient(settings: settings, transport: FakeTransport())
    for host in ["http://127.0.0.1:8010", "http://localhost:8010", "http://[::1]:8010"] {
      settings = TestSettings.settings()
      settings.host = URL(string: host)!
      _ = try PostHogClient(settings: settings, transport: FakeTransport())
    }
  }

  @Test func settingsNeverDescribeTheKey() {
    let text = "\(TestSettings.settings()) \(String(reflecting: TestSettings.settings()))"
    #expect(!text.contains(TestSettings.apiKey))
  }
}
