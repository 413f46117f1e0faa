import HogctlCore
import PostHogAPI
import Testing

@testable import HogctlCLI

@Suite("--rate-limit")
struct RateLimitOptionTests {
  @Test func defaultsToPostHogsLimit() throws {
    let options = try ConnectionOptions.parse([])
    #expect(options.rateLimit.limit == RateLimit(perMinute: 480, perHour: 4800))
  }

  @Test(
    arguments: [
      ("off", nil), ("OFF", nil), ("1000/minute", RateLimit(perMinute: 1000, perHour: 4800)),
      ("60/min,600/hour", RateLimit(perMinute: 60, perHour: 600)),
      ("10000/h", RateLimit(perMinute: 480, perHour: 10000)),
    ] as [(String, RateLimit?)])
  func readsBudgets(argument: String, expected: RateLimit?) throws {
    let options = try ConnectionOptions.parse(["--rate-limit", argument])
    #expect(options.rateLimit.limit == expected)
  }

  @Test(arguments: ["fast", "0/minute", "10/day", "10", "-5/hour", "10/minute,"])
  func refusesAnythingElse(argument: String) {
    #expect(throws: (any Error).self) { try ConnectionOptions.parse(["--rate-limit", argument]) }
  }
}
