import Foundation
import HogctlJSON
import Testing

@testable import Emulator

@Suite("List: filters, order, pagination")
struct ListTests {
  /// Seeds `count` destinations through the admin API (one request, so the test stays fast).
  static func seedDestinations(_ client: RawClient, count: Int) async throws {
    let items = (0..<count).map { #"{"name": "fn \#($0)", "hog": "return \#($0)"}"# }
    let result = try await client.admin("POST", "seed", #"{"functions": [\#(items.joined(separator: ","))]}"#)
    #expect(result.status == 201, "\(result.text)")
  }

  @Test func paginatesOver150FunctionsWithAbsoluteLinks() async throws {
    try await withEmulator { client async throws in
      try await Self.seedDestinations(client, count: 150)
      let base = client.emulator.baseURL.absoluteString + client.prefix
      let first = try await client.get("?type=destination")
      #expect(first.json["count"] == 150)
      #expect(first.json["results"]?.arrayValue?.count == 100)
      #expect(first.json["previous"] == .null)
      let next = try #require(first.json["next"]?.stringValue)
      #expect(next == base + "?type=destination&limit=100&offset=100")
      let second = try await client.get(String(next.dropFirst(client.emulator.baseURL.absoluteString.count)))
      #expect(second.json["results"]?.arrayValue?.count == 50)
      #expect(second.json["next"] == .null)
      #expect(second.json["previous"] == .string(base + "?type=destination&limit=100"))
      let ids = Set(
        (first.json["results"]!.arrayValue! + second.json["results"]!.arrayValue!).compactMap {
          $0["id"]?.stringValue
        })
      #expect(ids.count == 150)
    }
  }

  /// Pages after the first reuse the first page's order until a write; a write between two
  /// pages shows in the next one, as on a server that sorts for every request.
  @Test func aWriteBetweenPagesShowsInTheNextPage() async throws {
    try await withEmulator { client async throws in
      try await Self.seedDestinations(client, count: 5)
      let first = try await client.get("?limit=2")
      let firstNames = first.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
      let again = try await client.get("?limit=2")
      #expect(again.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == firstNames)
      // The most recently updated function lists first (all have no execution order).
      let last = try #require(try await client.get("?limit=1&offset=4").json["results"]?.arrayValue?.first)
      let id = try #require(last["id"]?.stringValue)
      #expect(try await client.patch(id + "/", #"{"name": "renamed"}"#).status == 200)
      let after = try await client.get("?limit=2")
      #expect(after.json["results"]?.arrayValue?.first?["name"] == "renamed")
      let created = try await client.post("", #"{"name": "new one", "hog": "return 1"}"#)
      #expect(created.status == 201)
      let withNew = try await client.get("?limit=2")
      #expect(withNew.json["count"] == 6)
      #expect(withNew.json["results"]?.arrayValue?.first?["name"] == "new one")
    }
  }

  @Test func limitAndOffsetPickTheMiddle() async throws {
    try await withEmulator { client async throws in
      try await Self.seedDestinations(client, count: 7)
      let page = try await client.get("?limit=2&offset=4")
      let base = client.emulator.baseURL.absoluteString + client.prefix
      #expect(page.json["results"]?.arrayValue?.count == 2)
      #expect(page.json["next"] == .string(base + "?limit=2&offset=6"))
      #expect(page.json["previous"] == .string(base + "?limit=2&offset=2"))
      let last = try await client.get("?limit=2&offset=6")
      #expect(last.json["results"]?.arrayValue?.count == 1)
      #expect(last.json["next"] == .null)
    }
  }

  @Test func linksUseTheHostHeader() async throws {
    try await withEmulator { client async throws in
      try await Self.seedDestinations(client, count: 3)
      let page = try await client.send("GET", "?limit=1", headers: ["Host": "posthog.example:8443"])
      #expect(page.json["next"] == .string("http://posthog.example:8443\(client.prefix)?limit=1&offset=1"))
    }
  }

  @Test func typeFilterTakesACommaList() async throws {
    try await withEmulator { client async throws in
      _ = try await client.create(destination("d"))
      _ = try await client.create(transformation("t"))
      _ = try await client.create(#"{"name": "s", "type": "site_app", "hog": "export function onLoad() {}"}"#)
      let names = { (result: HTTPResult) in
        Set(result.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
      }
      #expect(names(try await client.get("?type=transformation")) == ["t"])
      #expect(names(try await client.get("?type=destination,transformation")) == ["d", "t"])
      #expect(try await client.get("?type=destination,transformation").json["count"] == 2)
    }
  }

  @Test func enabledFilter() async throws {
    try await withEmulator { client async throws in
      _ = try await client.create(destination("on", extra: #", "enabled": true"#))
      _ = try await client.create(destination("off"))
      #expect(try await client.get("?enabled=true").json["results"]?[0]?["name"] == "on")
      #expect(try await client.get("?enabled=false").json["results"]?[0]?["name"] == "off")
      #expect(try await client.get("?enabled=false").json["count"] == 1)
    }
  }

  @Test func searchLooksAtNameAndDescriptionIgnoringCase() async throws {
    try await withEmulator { client async throws in
      _ = try await client.create(destination("Slack alerts"))
      _ = try await client.create(destination("Other", extra: #", "description": "posts to SLACK""#))
      _ = try await client.create(destination("Unrelated"))
      #expect(try await client.get("?search=slack").json["count"] == 2)
    }
  }

  @Test func fullAddsInputsAndSchema() async throws {
    try await withEmulator { client async throws in
      _ = try await client.create(
        destination(
          extra: #", "inputs_schema": [{"key": "url", "type": "string"}], "inputs": {"url": {"value": "u"}}"#)
      )
      let short = try #require(try await client.get().json["results"]?[0]?.objectValue)
      #expect(short["inputs"] == nil)
      #expect(short["inputs_schema"] == nil)
      #expect(short["hog"] != nil)
      let full = try #require(try await client.get("?full=true").json["results"]?[0]?.objectValue)
      #expect(full["inputs"]?["url"]?["value"] == "u")
      #expect(full["inputs_schema"] != nil)
    }
  }

  @Test func orderedByExecutionOrderNullsLastThenMostRecentlyUpdated() async throws {
    try await withEmulator { client async throws in
      let older = try await client.create(destination("older"))
      try await Task.sleep(for: .milliseconds(5))
      let newer = try await client.create(destination("newer"))
      let second = try await client.create(transformation("second", extra: #", "execution_order": 2"#))
      let first = try await client.create(transformation("first", extra: #", "execution_order": 1"#))
      let ids = try await client.get().json["results"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
      #expect(ids == [first, second, newer, older])
      try await Task.sleep(for: .milliseconds(5))
      _ = try await client.patch(older + "/", #"{"name": "touched"}"#)
      let again = try await client.get().json["results"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
      #expect(again == [first, second, older, newer])
    }
  }
}
