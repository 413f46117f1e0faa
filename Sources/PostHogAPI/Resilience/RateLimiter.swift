import HogctlCore

/// One token bucket per window, shared by every request of a client. Each request reserves a
/// token; when a bucket is empty the request waits until its token has been refilled. A 429 from
/// the server empties the buckets and pauses everyone until `Retry-After` has passed.
///
/// The server counts a request when it arrives, not when it is sent. Its bucket therefore starts
/// refilling later than ours, by as long as the first request took to reach it (a new connection
/// makes that the slowest of a run); with the same budget on both sides, a request sent exactly
/// when our bucket refills would then find the server's a fraction of a token short. So refill
/// is counted from the first answer after a bucket leaves full (see `answered()`).
public actor RateLimiter {
  struct Bucket {
    var capacity: Double
    var perSecond: Double
    var tokens: Double
    var updatedAt: Double
    /// When a request took a token from this bucket while it was full, until the first answer.
    var leftFullAt: Double?
    /// The tokens refilled since `leftFullAt`, which the first answer takes back.
    var refilledSinceLeavingFull = 0.0

    mutating func refill(at now: Double) {
      let refilled = min(capacity, tokens + max(0, now - updatedAt) * perSecond) - tokens
      tokens += refilled
      updatedAt = now
      if leftFullAt != nil { refilledSinceLeavingFull += refilled }
    }
  }

  public let limit: RateLimit
  private let clock: ClientClock
  private var buckets: [Bucket]
  private var pausedUntil: Double = 0
  /// Seconds by which refills began later than the waits already handed out assumed, summed.
  private var lateRefill: Double = 0
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
      if buckets[index].tokens >= buckets[index].capacity, buckets[index].leftFullAt == nil {
        buckets[index].leftFullAt = now
      }
      buckets[index].tokens -= 1
      if buckets[index].tokens < 0 {
        wait = max(wait, -buckets[index].tokens / buckets[index].perSecond)
      }
    }
    return wait
  }

  /// An answer arrived, so the server has counted at least one request by now. A bucket that
  /// left full before it takes back the refill counted since: the server's own bucket began
  /// refilling no earlier than this. Requests already waiting wait that much longer.
  public func answered() {
    let now = clock.now()
    var late = 0.0
    for index in buckets.indices {
      guard let leftFullAt = buckets[index].leftFullAt else { continue }
      buckets[index].refill(at: now)
      buckets[index].tokens -= buckets[index].refilledSinceLeavingFull
      buckets[index].leftFullAt = nil
      buckets[index].refilledSinceLeavingFull = 0
      late = max(late, now - leftFullAt)
    }
    lateRefill += late
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

  /// Waits for a token, then for as long as refill began late while waiting (see `answered()`),
  /// then for any pause that began meanwhile. A token taken at once never waits: nothing can
  /// change between the reservation and the first check.
  public func acquire() async throws {
    var covered = lateRefill
    let wait = reserve()
    if wait > 0 { try await clock.sleep(wait) }
    while true {
      let late = lateRefill - covered
      covered = lateRefill
      let extra = max(late, remainingPause())
      guard extra > 0 else { return }
      try await clock.sleep(extra)
    }
  }
}
