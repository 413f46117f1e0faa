import Foundation
import HogctlJSON
import Testing

@testable import Emulator

@Suite("Broadcast, invocations, logs, metrics")
struct ActionTests {
  static let persons = #"""
    {"persons": [
      {"id": "p1", "distinct_id": "d1", "properties": {"plan": "pro", "email": "a@example.com"}},
      {"id": "p2", "distinct_id": "d2", "properties": {"plan": "free"}},
      {"id": "p3", "distinct_id": "d3", "properties": {"plan": "pro"}}
    ]}
    """#

  static let proFilter =
    #", "filters": {"properties": [{"key": "plan", "value": "pro", "operator": "exact", "type": "person"}]}"#

  @Test func broadcastRecordsOneInvocationPerMatchingPerson() async throws {
    try await withEmulator { client async throws in
      _ = try await client.admin("POST", "seed", Self.persons)
      let id = try await client.create(destination(extra: #", "enabled": true"# + Self.proFilter))
      let result = try await client.send("POST", id + "/broadcast/", #"{"ignored": true}"#)
      #expect(result.status == 200)
      #expect(result.json == raw(#"{"success": true}"#))
      let logs = try await client.get(id + "/logs/?limit=500")
      let instances = Set(
        logs.json["results"]?.arrayValue?.compactMap { $0["instance_id"]?.stringValue } ?? [])
      #expect(instances.count == 2)
      let totals = try await client.get(id + "/metrics/totals/")
      #expect(totals.status == 200)
      let counted = totals.json["totals"]?.objectValue?.values.compactMap(\.intValue).reduce(0, +)
      #expect(counted == 2)
    }
  }

  @Test func broadcastOnADisabledFunctionIsAnError() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination())
      let result = try await client.send("POST", id + "/broadcast/")
      #expect(result.status == 400)
      #expect(result.json == raw(#"{"error": "Cannot broadcast: function is disabled"}"#))
    }
  }

  @Test func broadcastOnAnUnknownFunctionIs404() async throws {
    try await withEmulator { client async throws in
      #expect(try await client.send("POST", UUID().uuidString.lowercased() + "/broadcast/").status == 404)
    }
  }

  static let invocation = #"""
    {"configuration": {"name": "t", "type": "transformation", "hog": "return event"},
     "globals": {"event": {"uuid": "0190d0a4-0000-7000-8000-000000000001", "event": "$pageview", "distinct_id": "d1", "properties": {}, "timestamp": "2025-01-01T00:00:00.000Z"}},
     "mock_async_functions": true}
    """#

  @Test func invocationsOnNewAnswerTheResponseShape() async throws {
    try await withEmulator { client async throws in
      let result = try await client.post("new/invocations/", Self.invocation)
      #expect(result.status == 200, "\(result.text)")
      let body = try #require(result.json.objectValue)
      #expect(Set(body.keys).isSuperset(of: ["result", "status", "errors", "logs"]))
      #expect(["success", "error", "skipped"].contains(body["status"]?.stringValue ?? ""))
      let messages = body["logs"]?.arrayValue?.compactMap { $0["message"]?.stringValue } ?? []
      #expect(messages.contains { $0.contains("does not execute Hog") })
    }
  }

  @Test func invocationsWithoutAnEventAreRejected() async throws {
    try await withEmulator { client async throws in
      let body = #"{"configuration": {"name": "t", "hog": "return 1"}, "globals": {"person": {}}}"#
      let result = try await client.post("new/invocations/", body)
      #expect(result.status == 400)
      #expect(result.json == raw(#"{"error": "Missing event"}"#))
    }
  }

  @Test func invocationsAnswerRawFieldErrors() async throws {
    try await withEmulator { client async throws in
      let body = #"{"configuration": {"name": "no code"}, "globals": {"event": {"event": "x"}}}"#
      let result = try await client.post("new/invocations/", body)
      #expect(result.status == 400)
      #expect(result.json == raw(#"{"configuration": {"hog": ["Required."]}}"#))
    }
  }

  @Test func invocationsOnAStoredFunctionAreLogged() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(transformation("t"))
      let result = try await client.post(
        id + "/invocations/",
        Self.invocation.replacingOccurrences(
          of: "\"mock_async_functions\": true", with: "\"invocation_id\": \"inv-1\""))
      #expect(result.status == 200)
      let logs = try await client.get(id + "/logs/")
      #expect(logs.json["results"]?.arrayValue?.contains { $0["instance_id"] == "inv-1" } == true)
    }
  }

  @Test func logsAreNewestFirstWithUpperCaseLevelsAndFilters() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination())
      let seed = #"""
        {"logs": [
          {"log_source_id": "\#(id)", "instance_id": "i1", "timestamp": "2025-01-01T10:00:00.000Z", "level": "info", "message": "first"},
          {"log_source_id": "\#(id)", "instance_id": "i1", "timestamp": "2025-01-01T11:00:00.000Z", "level": "error", "message": "second failed"},
          {"log_source_id": "\#(id)", "instance_id": "i2", "timestamp": "2025-01-01T12:00:00.000Z", "level": "warn", "message": "third"}
        ]}
        """#
      #expect(try await client.admin("POST", "seed", seed).status == 201)
      let all = try await client.get(id + "/logs/")
      #expect(all.status == 200)
      #expect(
        all.json["results"]?.arrayValue?.compactMap { $0["message"]?.stringValue } == [
          "third", "second failed", "first",
        ])
      #expect(all.json["results"]?[0]?["level"] == "WARN")
      #expect(all.json["results"]?[0]?["log_source_id"] == .string(id))
      #expect(try await client.get(id + "/logs/?level=error,WARN").json["results"]?.arrayValue?.count == 2)
      #expect(try await client.get(id + "/logs/?search=failed").json["results"]?.arrayValue?.count == 1)
      #expect(try await client.get(id + "/logs/?instance_id=i2").json["results"]?.arrayValue?.count == 1)
    }
  }

  @Test func metricsCoverEveryBucket() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination())
      let seed =
        #"{"metrics": [{"function_id": "\#(id)", "name": "succeeded", "count": 3}, {"function_id": "\#(id)", "name": "failed", "count": 1}]}"#
      #expect(try await client.admin("POST", "seed", seed).status == 201)
      let result = try await client.get(id + "/metrics/?after=-7d&interval=day")
      #expect(result.status == 200)
      let labels = try #require(result.json["labels"]?.arrayValue)
      #expect((7...8).contains(labels.count))
      let series = try #require(result.json["series"]?.arrayValue)
      let success = series.first { $0["name"] == "success" }
      #expect(success?["values"]?.arrayValue?.count == labels.count)
      #expect(success?["values"]?.arrayValue?.compactMap(\.intValue).reduce(0, +) == 3)
      let totals = try await client.get(id + "/metrics/totals/")
      #expect(totals.json == raw(#"{"totals": {"success": 3, "failure": 1}}"#))
      let byName = try await client.get(id + "/metrics/totals/?breakdown_by=name")
      #expect(byName.json["totals"]?["succeeded"] == 3)
    }
  }

  @Test func logsOfAnUnknownFunctionAre404() async throws {
    try await withEmulator { client async throws in
      #expect(try await client.get(UUID().uuidString.lowercased() + "/logs/").status == 404)
      #expect(try await client.get(UUID().uuidString.lowercased() + "/metrics/").status == 404)
    }
  }
}

@Suite("Icons and templates")
struct CatalogTests {
  @Test func iconsWithoutAQueryAreEmpty() async throws {
    try await withEmulator { client async throws in
      let result = try await client.get("icons/")
      #expect(result.status == 200)
      #expect(result.json == [])
    }
  }

  @Test func iconsSearchAnswersPlainArray() async throws {
    try await withEmulator { client async throws in
      let result = try await client.get("icons/?query=slack")
      let first = try #require(result.json[0])
      #expect(first["id"] == "slack.com")
      #expect(first["url"] == "/api/projects/@current/hog_functions/icon/?id=slack.com")
      #expect(first["name"]?.stringValue?.isEmpty == false)
    }
  }

  @Test func iconServesPNGBytes() async throws {
    try await withEmulator { client async throws in
      let result = try await client.get("icon/?id=slack.com")
      #expect(result.status == 200)
      #expect(result.header("Content-Type") == "image/png")
      #expect(result.header("Cache-Control") == "public, max-age=86400")
      #expect(Array(result.body.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
  }

  @Test func iconErrors() async throws {
    try await withEmulator { client async throws in
      let missing = try await client.get("icon/")
      #expect(missing.status == 400)
      #expect(
        missing.json
          == raw(
            #"{"type":"validation_error","code":"invalid_input","detail":"id is required","attr":null}"#))
      #expect(try await client.get("icon/?id=no-such.example").status == 404)
    }
  }

  @Test(arguments: ["environments", "projects"])
  func templatesListFiltersByType(prefix: String) async throws {
    try await withEmulator { client async throws in
      let path = "/api/\(prefix)/@current/hog_function_templates/"
      let destinations = try await client.get(path + "?type=destination")
      #expect(destinations.status == 200)
      let ids = destinations.json["results"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
      #expect(ids.contains("template-webhook"))
      #expect(ids.contains("template-slack"))
      #expect(!ids.contains("template-drop-events"))
      #expect(destinations.json["count"] == .number(Double(ids.count)))
      let both = try await client.get(path + "?types=destination,transformation")
      let all = both.json["results"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
      #expect(all.contains("template-drop-events"))
      #expect(both.json["results"]?.arrayValue?.allSatisfy { $0["status"] != "deprecated" } == true)
    }
  }

  @Test func templateRetrieveAndUnknown() async throws {
    try await withEmulator { client async throws in
      let path = "/api/projects/1/hog_function_templates/"
      let webhook = try await client.get(path + "template-webhook/")
      #expect(webhook.status == 200)
      #expect(webhook.json["id"] == "template-webhook")
      #expect(webhook.json["type"] == "destination")
      let keys = Set(webhook.json.objectValue?.keys.map { $0 } ?? [])
      #expect(
        keys.isSuperset(of: [
          "id", "name", "description", "code", "code_language", "inputs_schema", "type", "status",
        ]))
      #expect(try await client.get(path + "template-nope/").status == 404)
    }
  }
}
