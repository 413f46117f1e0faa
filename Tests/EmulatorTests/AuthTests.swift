import Foundation
import HogctlCore
import HogctlJSON
import Testing

@testable import Emulator

@Suite("Auth, scopes and project ids")
struct AuthTests {
  static let keys: [EmulatorConfiguration.APIKey] = [
    .init(key: "phx_all", scope: .all), .init(key: "phx_read", scope: .read),
    .init(key: "phx_write", scope: .write),
  ]

  @Test func missingKeyIs401NotAuthenticated() async throws {
    try await withEmulator { client async throws in
      let result = try await client.with(key: nil).get()
      #expect(result.status == 401)
      #expect(
        result.json
          == raw(
            #"{"type":"authentication_error","code":"not_authenticated","detail":"Authentication credentials were not provided.","attr":null}"#
          ))
    }
  }

  @Test func unknownKeyIs401AuthenticationFailed() async throws {
    try await withEmulator { client async throws in
      let result = try await client.with(key: "phx_nope").get()
      #expect(result.status == 401)
      #expect(result.json["type"] == "authentication_error")
      #expect(result.json["code"] == "authentication_failed")
      #expect(result.json["attr"] == .null)
    }
  }

  @Test func readKeyCanListButNotCreate() async throws {
    try await withEmulator(.test(keys: Self.keys)) { client async throws in
      let reader = client.with(key: "phx_read")
      #expect(try await reader.get().status == 200)
      let denied = try await reader.post("", destination())
      #expect(denied.status == 403)
      #expect(
        denied.json
          == raw(
            #"{"type":"authentication_error","code":"permission_denied","detail":"API key missing required scope 'hog_function:write'","attr":null}"#
          ))
      #expect(try await client.with(key: "phx_all").get().json["count"] == 0)
    }
  }

  @Test func writeKeyImpliesRead() async throws {
    try await withEmulator(.test(keys: Self.keys)) { client async throws in
      let writer = client.with(key: "phx_write")
      let id = try await writer.create(destination())
      #expect(try await writer.get(id).status == 200)
    }
  }

  @Test(arguments: ["/api/environments/2/hog_functions/", "/api/projects/99/hog_functions/"])
  func otherProjectIdsAre404(path: String) async throws {
    try await withEmulator { client async throws in
      let result = try await client.get(path)
      #expect(result.status == 404)
      #expect(
        result.json
          == raw(#"{"type":"invalid_request","code":"not_found","detail":"Not found.","attr":null}"#))
    }
  }

  @Test(arguments: [
    "/api/environments/@current/hog_functions/", "/api/projects/1/hog_functions/",
    "/api/projects/@current/hog_functions", "/api/environments/1/hog_functions",
  ])
  func bothPrefixesCurrentAndOptionalTrailingSlash(path: String) async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination())
      let list = try await client.get(path)
      #expect(list.status == 200)
      #expect(list.json["results"]?[0]?["id"] == .string(id))
      let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
      #expect(try await client.get("\(trimmed)/\(id)").status == 200)
    }
  }

  @Test func adminAPINeedsNoKey() async throws {
    try await withEmulator { client async throws in
      let stats = try await client.admin("GET", "stats")
      #expect(stats.status == 200)
      #expect(stats.json["total"] == 0)
    }
  }
}

@Suite("Rate limits")
struct RateLimitTests {
  @Test func overTheLimitIs429WithRetryAfter() async throws {
    let limit = EmulatorConfiguration.RateLimit(perMinute: 2, perHour: 100)
    try await withEmulator(.test(rateLimit: limit)) { client async throws in
      #expect(try await client.get().status == 200)
      #expect(try await client.get().status == 200)
      let throttled = try await client.get()
      #expect(throttled.status == 429)
      let retryAfter = try #require(throttled.header("Retry-After").flatMap(Int.init))
      #expect((1...30).contains(retryAfter))
      #expect(
        throttled.json
          == .object([
            "type": "throttled_error", "code": "throttled",
            "detail": .string("Request was throttled. Expected available in \(retryAfter) seconds."),
            "attr": .null,
          ]))
    }
  }

  @Test func theHourlyBucketLimitsToo() async throws {
    let limit = EmulatorConfiguration.RateLimit(perMinute: 100, perHour: 1)
    try await withEmulator(.test(rateLimit: limit)) { client async throws in
      #expect(try await client.get().status == 200)
      let throttled = try await client.get()
      #expect(throttled.status == 429)
      #expect(Int(throttled.header("Retry-After") ?? "") ?? 0 > 60)
    }
  }

  @Test func bucketsArePerKey() async throws {
    let keys: [EmulatorConfiguration.APIKey] = [.init(key: "phx_a"), .init(key: "phx_b")]
    let limit = EmulatorConfiguration.RateLimit(perMinute: 1, perHour: 100)
    try await withEmulator(.test(keys: keys, rateLimit: limit)) { client async throws in
      #expect(try await client.with(key: "phx_a").get().status == 200)
      #expect(try await client.with(key: "phx_a").get().status == 429)
      #expect(try await client.with(key: "phx_b").get().status == 200)
    }
  }

  @Test func offMeansNoLimit() async throws {
    try await withEmulator(.test(rateLimit: nil)) { client async throws in
      for _ in 0..<30 { #expect(try await client.get().status == 200) }
    }
  }
}

@Suite("Runtime settings")
struct RuntimeSettingsTests {
  @Test func aNewRateLimitStartsWithFullBuckets() async throws {
    try await withEmulator(.test(rateLimit: nil)) { client async throws in
      for _ in 0..<5 { #expect(try await client.get().status == 200) }
      let updated = try await client.admin("POST", "settings", #"{"rate_limit": "2/minute"}"#)
      #expect(updated.json == ["latency_ms": nil, "rate_limit": "2/minute,4800/hour"])
      #expect(try await client.get().status == 200)
      #expect(try await client.get().status == 200)
      #expect(try await client.get().status == 429)
      _ = try await client.admin("POST", "settings", #"{"rate_limit": "off"}"#)
      #expect(try await client.get().status == 200)
      #expect(try await client.admin("GET", "settings").json["rate_limit"] == "off")
    }
  }

  @Test func latencyCanBeSetAndCleared() async throws {
    try await withEmulator(.test()) { client async throws in
      let set = try await client.admin("POST", "settings", #"{"latency_ms": 300}"#)
      #expect(set.json["latency_ms"] == "300")
      let clock = ContinuousClock()
      let slow = try await clock.measure { _ = try await client.get() }
      #expect(slow >= .milliseconds(300))
      _ = try await client.admin("POST", "settings", #"{"latency_ms": null}"#)
      #expect(try await client.admin("GET", "settings").json == ["latency_ms": nil, "rate_limit": "off"])
    }
  }

  @Test(arguments: [#"{"latency_ms": "fast"}"#, #"{"rate_limit": "5/day"}"#, #"{"rate_limit": 5}"#])
  func badSettingsAreRefusedByField(body: String) async throws {
    try await withEmulator(.test()) { client async throws in
      let refused = try await client.admin("POST", "settings", body)
      #expect(refused.status == 400)
      let field = try #require(JSONValue.parse(body).objectValue?.keys.first)
      #expect(refused.json["attr"] == .string(field))
    }
  }
}
