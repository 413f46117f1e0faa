import Foundation

/// A token bucket: `capacity` tokens, refilled continuously at `capacity / period`.
struct TokenBucket: Sendable, Equatable {
  let capacity: Double
  let refillPerSecond: Double
  var tokens: Double
  var updated: Date

  init(capacity: Int, period: TimeInterval, now: Date) {
    self.capacity = Double(capacity)
    self.refillPerSecond = Double(capacity) / period
    self.tokens = Double(capacity)
    self.updated = now
  }

  mutating func refill(now: Date) {
    let elapsed = max(0, now.timeIntervalSince(updated))
    tokens = min(capacity, tokens + elapsed * refillPerSecond)
    updated = now
  }

  /// Seconds until one token is available (0 when one is).
  func wait() -> TimeInterval {
    tokens >= 1 ? 0 : (1 - tokens) / refillPerSecond
  }
}

/// Per-key limits, a burst bucket per minute and a sustained bucket per hour. A request takes a
/// token from both or from neither. No limit (`nil`) lets every request through.
actor RateLimiter {
  private(set) var limit: EmulatorConfiguration.RateLimit?
  private var buckets: [String: (minute: TokenBucket, hour: TokenBucket)] = [:]

  init(limit: EmulatorConfiguration.RateLimit?) {
    self.limit = limit
  }

  /// A new limit starts every key with full buckets.
  func configure(limit: EmulatorConfiguration.RateLimit?) {
    self.limit = limit
    buckets = [:]
  }

  /// `nil` when the request may go ahead; otherwise the whole seconds to wait (`Retry-After`).
  func take(key: String, now: Date = Date()) -> Int? {
    guard let limit else { return nil }
    var pair =
      buckets[key]
      ?? (
        TokenBucket(capacity: limit.perMinute, period: 60, now: now),
        TokenBucket(capacity: limit.perHour, period: 3600, now: now)
      )
    pair.minute.refill(now: now)
    pair.hour.refill(now: now)
    let wait = max(pair.minute.wait(), pair.hour.wait())
    if wait > 0 {
      buckets[key] = pair
      return max(1, Int(wait.rounded(.up)))
    }
    pair.minute.tokens -= 1
    pair.hour.tokens -= 1
    buckets[key] = pair
    return nil
  }

  func reset() { buckets = [:] }
}
