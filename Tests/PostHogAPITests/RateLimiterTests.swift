import Foundation
import HogctlCore
import Testing

@testable import PostHogAPI

@Suite struct RateLimiterTests {
  @Test func aFullBucketLetsTheBurstThroughWithoutWaiting() async {
    let clock = ManualClock()
    let limiter = RateLimiter(limit: RateLimit(perMinute: 60, perHour: 1000), clock: clock.clock)
    var waits: [Double] = []
    for _ in 0..<60 { waits.append(await limiter.reserve()) }
    #expect(waits.allSatisfy { $0 == 0 })
  }

  @Test func beyondTheBurstRequestsAreSpacedAtTheRefillRate() async {
    let clock = ManualClock()
    let limiter = RateLimiter(limit: RateLimit(perMinute: 60, perHour: 1000), clock: clock.clock)
    for _ in 0..<60 { _ = await limiter.reserve() }
    // 60/minute refills one token a second; each further reservation waits one second more.
    let waits = [await limiter.reserve(), await limiter.reserve(), await limiter.reserve()]
    #expect(waits == [1, 2, 3])
    clock.advance(by: 10)
    #expect(await limiter.reserve() == 0)
  }

  @Test func theHourlyBudgetBindsWhenTheMinuteOneDoesNot() async {
    let clock = ManualClock()
    let limiter = RateLimiter(limit: RateLimit(perMinute: 480, perHour: 10), clock: clock.clock)
    for _ in 0..<10 { #expect(await limiter.reserve() == 0) }
    // 10/hour refills one token every 360 seconds.
    #expect(await limiter.reserve() == 360)
  }

  @Test func aThrottleAnswerPausesEveryoneAndEmptiesTheBuckets() async {
    let clock = ManualClock()
    let limiter = RateLimiter(limit: RateLimit(perMinute: 60, perHour: 1000), clock: clock.clock)
    await limiter.throttled(retryAfter: 5)
    #expect(await limiter.remainingPause() == 5)
    // One token arrives as the pause ends; the pause does not refill a burst.
    #expect(await limiter.reserve() == 5)
    clock.advance(by: 5)
    #expect(await limiter.remainingPause() == 0)
    #expect(await limiter.reserve() == 1)
    #expect(await limiter.reserve() == 2)
  }

  @Test func acquireSleepsForTheReservedWait() async throws {
    let clock = ManualClock()
    let limiter = RateLimiter(limit: RateLimit(perMinute: 2, perHour: 1000), clock: clock.clock)
    try await limiter.acquire()
    try await limiter.acquire()
    try await limiter.acquire()
    #expect(clock.sleeps == [30])
  }

  /// The server starts refilling its bucket when the first request reaches it, which an answer
  /// proves has happened; counting from the send, hogctl would run ahead of it by that delay.
  @Test func refillIsCountedFromTheFirstAnswerAfterTheBucketLeftFull() async {
    let clock = ManualClock()
    let limiter = RateLimiter(limit: RateLimit(perMinute: 60, perHour: 1000), clock: clock.clock)
    for _ in 0..<60 { #expect(await limiter.reserve() == 0) }
    clock.advance(by: 0.5)
    await limiter.answered()
    clock.advance(by: 0.5)
    // One second after the burst, but only half a second after the answer: half a token.
    #expect(await limiter.reserve() == 0.5)
    // Later answers change nothing: only the first after leaving full says when refill began.
    await limiter.answered()
    #expect(await limiter.reserve() == 1.5)
  }

  @Test func aRequestAlreadyWaitingAlsoWaitsForARefillThatBeganLate() async throws {
    let manual = ManualClock()
    let answerer = AnswerDuringFirstSleep(manual: manual, answerAfter: 10)
    let limiter = RateLimiter(limit: RateLimit(perMinute: 2, perHour: 1000), clock: answerer.clock)
    answerer.limiter = limiter
    try await limiter.acquire()
    try await limiter.acquire()
    // The bucket is empty: the third request waits 30 seconds for its token, and during that
    // wait the first answer shows the server's refill began 10 seconds after ours.
    try await limiter.acquire()
    #expect(answerer.sleeps == [30, 10])
    try await limiter.acquire()
    #expect(answerer.sleeps == [30, 10, 30])
  }

  @Test func theFirstAnswerTakesBackOnlyTheRefillTheBucketHeld() async throws {
    let clock = ManualClock()
    let limiter = RateLimiter(limit: RateLimit(perMinute: 60, perHour: 1000), clock: clock.clock)
    try await limiter.acquire()
    clock.advance(by: 3)
    await limiter.answered()
    // 59 tokens are left: the bucket was full again after one second, and that token of refill
    // is taken back, as the server may have counted the first request only now.
    for _ in 0..<59 { try await limiter.acquire() }
    #expect(clock.sleeps.isEmpty)
    try await limiter.acquire()
    #expect(clock.sleeps == [1])
  }

  @Test func concurrencyIsBoundedByTheLimit() async throws {
    let limiter = ConcurrencyLimiter(limit: 3)
    let gauge = Gauge()
    let results = try await boundedConcurrentMap(Array(0..<40), limit: 8) { item in
      try await limiter.withPermit {
        await gauge.enter()
        try await Task.sleep(for: .milliseconds(2))
        await gauge.leave()
        return item * 2
      }
    }
    #expect(results == (0..<40).map { $0 * 2 })
    #expect(await gauge.peak == 3)
  }

  @Test func boundedMapRunsAtMostLimitTasks() async throws {
    let gauge = Gauge()
    _ = try await boundedConcurrentMap(Array(0..<30), limit: 4) { _ in
      await gauge.enter()
      try await Task.sleep(for: .milliseconds(2))
      await gauge.leave()
    }
    #expect(await gauge.peak <= 4)
    #expect(await gauge.peak >= 2)
  }

  @Test func aCancelledWaiterLeavesTheQueue() async throws {
    let limiter = ConcurrencyLimiter(limit: 1)
    try await limiter.acquire()
    let waiter = Task { try await limiter.acquire() }
    try await Task.sleep(for: .milliseconds(20))
    waiter.cancel()
    await #expect(throws: CancellationError.self) { try await waiter.value }
    await limiter.release()
    // The permit is free again: the cancelled waiter did not take it.
    try await limiter.acquire()
  }
}

actor Gauge {
  private(set) var current = 0
  private(set) var peak = 0

  func enter() {
    current += 1
    peak = max(peak, current)
  }

  func leave() { current -= 1 }
}

/// A clock whose first sleep is interrupted, `answerAfter` seconds in, by an answer.
final class AnswerDuringFirstSleep: @unchecked Sendable {
  private let manual: ManualClock
  private let answerAfter: Double
  private let lock = NSLock()
  private var recorded: [Double] = []
  var limiter: RateLimiter?

  init(manual: ManualClock, answerAfter: Double) {
    self.manual = manual
    self.answerAfter = answerAfter
  }

  var sleeps: [Double] { lock.withLock { recorded } }

  var clock: ClientClock {
    ClientClock(
      now: { self.manual.now },
      sleep: { seconds in
        let isFirst = self.lock.withLock {
          self.recorded.append(seconds)
          return self.recorded.count == 1
        }
        if isFirst {
          self.manual.advance(by: self.answerAfter)
          await self.limiter?.answered()
          self.manual.advance(by: seconds - self.answerAfter)
        } else {
          self.manual.advance(by: seconds)
        }
      },
      random: { 0.5 })
  }
}
