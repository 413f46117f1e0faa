import Foundation
import HogctlCore
import Testing

@testable import Emulator

@Suite("Pure pieces")
struct UnitTests {
  @Test(arguments: [
    ("/api/environments/1/hog_functions/", "/api/environments/{project_id}/hog_functions/"),
    ("/api/projects/@current/hog_functions/abc/logs", "/api/projects/{project_id}/hog_functions/{id}/logs/"),
    (
      "/api/environments/1/hog_functions/rearrange/",
      "/api/environments/{project_id}/hog_functions/rearrange/"
    ),
    ("/api/environments/1/hog_functions/icon", "/api/environments/{project_id}/hog_functions/icon/"),
    (
      "/api/projects/1/hog_function_templates/template-slack/",
      "/api/projects/{project_id}/hog_function_templates/{template_id}/"
    ),
    ("/other", "/other/"),
  ])
  func routeTemplates(path: String, template: String) {
    #expect(RouteTemplate.template(for: path) == template)
  }

  @Test(arguments: [
    ("/api/*/1/hog_functions/", "/api/environments/1/hog_functions", true),
    ("/api/*/1/hog_functions/", "/api/environments/1/hog_functions/x/", false),
    ("/api/**", "/api/environments/1/hog_functions/x/logs/", true),
    ("/api/{prefix}/{project_id}/hog_functions/{id}/", "/api/projects/1/hog_functions/abc/", true),
    ("/api/{prefix}/{project_id}/hog_functions/{id}/", "/api/projects/1/hog_functions/", false),
    ("/api/environments/1/hog_functions/", "/api/projects/1/hog_functions/", false),
  ])
  func pathPatterns(pattern: String, path: String, matches: Bool) {
    #expect(PathPattern(text: pattern).matches(path) == matches)
  }

  @Test func rateLimitOptions() throws {
    #expect(try EmulatorConfiguration.parseRateLimit("off") == nil)
    #expect(
      try EmulatorConfiguration.parseRateLimit("480/minute,4800/hour") == .init(perMinute: 480, perHour: 4800)
    )
    #expect(try EmulatorConfiguration.parseRateLimit("5/minute") == .init(perMinute: 5, perHour: 4800))
    #expect(throws: EmulatorConfiguration.OptionError.self) {
      try EmulatorConfiguration.parseRateLimit("5/day")
    }
    #expect(throws: EmulatorConfiguration.OptionError.self) {
      try EmulatorConfiguration.parseRateLimit("lots")
    }
  }

  @Test func apiKeyOptions() throws {
    #expect(try EmulatorConfiguration.parseAPIKey("phx_a") == .init(key: "phx_a", scope: .all))
    #expect(try EmulatorConfiguration.parseAPIKey("phx_a:read") == .init(key: "phx_a", scope: .read))
    #expect(try EmulatorConfiguration.parseAPIKey("phx_a:write") == .init(key: "phx_a", scope: .write))
    for unknown in ["phx_y:admin", "a:b", "phx_a:"] {
      #expect(throws: EmulatorConfiguration.OptionError.self, "\(unknown)") {
        try EmulatorConfiguration.parseAPIKey(unknown)
      }
    }
    #expect(throws: EmulatorConfiguration.OptionError.self) { try EmulatorConfiguration.parseAPIKey(":read") }
  }

  @Test func latencyOptions() throws {
    #expect(try EmulatorConfiguration.parseLatency("50") == 50...50)
    #expect(try EmulatorConfiguration.parseLatency("10-200") == 10...200)
    #expect(throws: EmulatorConfiguration.OptionError.self) {
      try EmulatorConfiguration.parseLatency("200-10")
    }
    #expect(throws: EmulatorConfiguration.OptionError.self) { try EmulatorConfiguration.parseLatency("soon") }
  }

  @Test func tokenBucketsRefillOverTime() async {
    let limiter = RateLimiter(limit: .init(perMinute: 2, perHour: 100))
    let start = Date(timeIntervalSince1970: 1_000_000)
    #expect(await limiter.take(key: "k", now: start) == nil)
    #expect(await limiter.take(key: "k", now: start) == nil)
    #expect(await limiter.take(key: "k", now: start) == 30)
    #expect(await limiter.take(key: "k", now: start.addingTimeInterval(30)) == nil)
  }

  @Test func timestampsHaveMicrosecondsInUTCAsPostHogWritesThem() {
    #expect(
      ServerFields.timestamp(Date(timeIntervalSince1970: 1_735_732_800.1234)) == "2025-01-01T12:00:00.123400Z"
    )
  }

  @Test func generatedKeysLookLikePersonalAPIKeys() {
    let key = generateAPIKey()
    #expect(key.hasPrefix("phx_"))
    #expect(key.count == 44)
    #expect(key != generateAPIKey())
  }

  @Test func seededGeneratorsRepeat() {
    var first = SeededGenerator(seed: 9)
    var second = SeededGenerator(seed: 9)
    #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
  }

  @Test func startingWithoutKeysGeneratesOne() async throws {
    let emulator = try await startEmulator(.test(keys: []))
    #expect(emulator.apiKey.hasPrefix("phx_"))
    #expect(try await RawClient(emulator).get().status == 200)
    await emulator.shutdown()
  }

  @Test func aBusyPortIsAStartupError() async throws {
    let first = try await startEmulator(.test())
    var configuration = EmulatorConfiguration.test()
    configuration.port = first.baseURL.port!
    await #expect(throws: (any Error).self) { _ = try await startEmulator(configuration) }
    await first.shutdown()
  }
}
