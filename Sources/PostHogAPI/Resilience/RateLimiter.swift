import HogctlCore

/// One token bucket per window, shared by every request of a client. Each request reserves a
/// token; when a bucket is empty the request waits until its token has been refilled. A 429 from
/// the server empties the buckets and pauses everyone until `Retry-After` has passed.
public actor RateLimiter {
  struct Bucket {
    var capacity: Double
    var perSecond: Double
    var tokens: Double
    var updatedAt: Double

    mutating func refill(at now: Double) {
      tokens = min(capacity, tokens + max(0, now - updatedAt) * perSecond)
      updatedAt = now
    }
  }

  public let limit: RateLimit
  private let clock: ClientClock
  private var buckets: [Bucket]
  private var pausedUntil: Double = 0
  public private(set) var throttleCount = 0

  public init(limit: RateLimit, clock: ClientClock = .system) {
    self.limit = limit
    self.clock = clock
    let now = clock.now()
    buckets = [
      Bucket(
        capacity: Double(limit.perMinute), perSecond: Double(limit.perMinute) / 60,
        tokens: Double(limit.perMinute), updatedAt: now),
      Bucket(
        capacity: Double(limit.perHour), perSecond: Double(limit.perHour) / 3600,
        tokens: Double(limit.perHour), updatedAt: now),
    ].filter { $0.capacity > 0 }
  }

  /// Takes one token and returns the seconds the caller must wait before sending.
  public func reserve() -> Double {
    let now = clock.now()
    var wait = max(0, pausedUntil - now)
    for index in buckets.indices {
      buckets[index].refill(at: now)
      buckets[index].tokens -= 1
      if buckets[index].tokens < 0 {
        wait = max(wait, -buckets[index].tokens / buckets[index].perSecond)
      }
    }
    return wait
  }

  /// Seconds left of a pause ordered by a 429, 0 when none.
  public func remainingPause() -> Double {
    max(0, pausedUntil - clock.now())
  }

  /// The server answered 429: stop everyone for `retryAfter` seconds (1 when not given). Like
  /// the server's bucket, the burst bucket then holds one token when the pause ends, not a
  /// pause's worth. The slower buckets keep their own count.
  public func throttled(retryAfter: Double?) {
    let now = clock.now()
    let pause = max(retryAfter ?? 1, 0)
    throttleCount += 1
    pausedUntil = max(pausedUntil, now + pause)
    for index in buckets.indices { buckets[index].refill(at: now) }
    if let burst = buckets.indices.max(by: { buckets[$0].perSecond < buckets[$1].perSecond }) {
      buckets[burst].tokens = min(buckets[burst].tokens, 1 - pause * buckets[burst].perSecond)
    }
  }

  /// Waits for a token, then for any pause that began while waiting.
  public func acquire() async throws {
    let wait = reserve()
    if wait > 0 { try await clock.sleep(wait) }
    while true {
      let pause = remainingPause()
      guard pause > 0 else { return }
      try await clock.sleep(pause)
    }
  }
}
