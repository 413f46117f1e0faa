import Foundation
import Testing

@testable import PostHogAPI

@Suite struct RetryPolicyTests {
  let policy = RetryPolicy(maxAttempts: 5, baseDelay: 0.5, maxDelay: 4, jitter: 0.5, maxRetryAfter: 60)

  @Test func backoffDoublesUpToTheCap() {
    let delays = (1...6).map { policy.backoff(attempt: $0, random: 1) }
    #expect(delays == [0.5, 1, 2, 4, 4, 4])
  }

  @Test func jitterSpreadsTheTopShareOfTheDelay() {
    #expect(policy.backoff(attempt: 3, random: 0) == 1)
    #expect(policy.backoff(attempt: 3, random: 0.5) == 1.5)
  }

  @Test func retryAfterIsHonoured() {
    let decision = policy.decide(
      outcome: .status(429, retryAfter: 7), attempt: 1, idempotent: false, random: 0)
    #expect(decision == .retry(after: 7))
  }

  @Test func retryAfterLongerThanTheLimitIsNotWaitedOut() {
    let decision = policy.decide(
      outcome: .status(429, retryAfter: 3600), attempt: 1, idempotent: true, random: 0)
    #expect(decision == .giveUp)
  }

  @Test(arguments: [502, 503, 504])
  func gatewayErrorsAreRetriedForIdempotentRequestsOnly(status: Int) {
    #expect(
      policy.decide(outcome: .status(status, retryAfter: nil), attempt: 2, idempotent: true, random: 1)
        == .retry(after: 1))
    #expect(
      policy.decide(outcome: .status(status, retryAfter: nil), attempt: 2, idempotent: false, random: 1)
        == .giveUp)
  }

  @Test(arguments: [400, 401, 403, 404, 405, 500])
  func otherStatusesAreNotRetried(status: Int) {
    #expect(
      policy.decide(outcome: .status(status, retryAfter: nil), attempt: 1, idempotent: true, random: 0)
        == .giveUp)
  }

  @Test func connectionFailuresAreRetriedWhenNothingCanHaveBeenSent() {
    let refused = RetryPolicy.Outcome.transport(.cannotConnect("refused"))
    let lost = RetryPolicy.Outcome.transport(.connectionLost("reset"))
    #expect(policy.decide(outcome: refused, attempt: 1, idempotent: false, random: 0) == .retry(after: 0.25))
    #expect(policy.decide(outcome: lost, attempt: 1, idempotent: false, random: 0) == .giveUp)
    #expect(policy.decide(outcome: lost, attempt: 1, idempotent: true, random: 0) == .retry(after: 0.25))
    #expect(
      policy.decide(outcome: .transport(.timedOut), attempt: 1, idempotent: false, random: 0) == .giveUp)
  }

  @Test func attemptsAreBounded() {
    #expect(
      policy.decide(outcome: .status(503, retryAfter: nil), attempt: 5, idempotent: true, random: 0)
        == .giveUp)
  }

  @Test func retryAfterParsesSecondsAndDates() {
    #expect(RetryPolicy.retryAfterSeconds("12") == 12)
    #expect(RetryPolicy.retryAfterSeconds(nil) == nil)
    #expect(RetryPolicy.retryAfterSeconds("soon") == nil)
    let now = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01 00:00:00 GMT
    #expect(RetryPolicy.retryAfterSeconds("Wed, 01 Jan 2025 00:00:30 GMT", now: now) == 30)
  }
}
