import Foundation

/// When to repeat a failed request and how long to wait first. A pure value: the client feeds it
/// each outcome and sleeps for the delay it returns.
public struct RetryPolicy: Sendable, Hashable {
  /// Attempts in total, the first included.
  public var maxAttempts: Int
  /// Seconds before the first retry; doubled for each further one.
  public var baseDelay: Double
  /// Longest wait between attempts, in seconds.
  public var maxDelay: Double
  /// Share of the delay (0...1) that is randomised, so parallel clients do not retry in step.
  public var jitter: Double
  /// A `Retry-After` longer than this (seconds) is not waited out; the 429 is reported instead.
  public var maxRetryAfter: Double

  public init(
    maxAttempts: Int = 5, baseDelay: Double = 0.5, maxDelay: Double = 30, jitter: Double = 0.25,
    maxRetryAfter: Double = 300
  ) {
    self.maxAttempts = maxAttempts
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.jitter = jitter
    self.maxRetryAfter = maxRetryAfter
  }

  public static let `default` = RetryPolicy()
  public static let never = RetryPolicy(maxAttempts: 1)

  /// What happened on one attempt.
  public enum Outcome: Sendable, Hashable {
    case status(Int, retryAfter: Double?)
    case transport(TransportError)
  }

  public enum Decision: Sendable, Hashable {
    case retry(after: Double)
    case giveUp
  }

  /// - Parameters:
  ///   - attempt: 1 for the first attempt.
  ///   - idempotent: whether repeating the request cannot change the result (GET, PATCH, PUT,
  ///     rearrange). Other requests are repeated only when the server certainly did not act on
  ///     them: a 429, or a connection that was never made.
  ///   - random: a number in `0..<1` for the jitter.
  public func decide(outcome: Outcome, attempt: Int, idempotent: Bool, random: Double) -> Decision {
    guard attempt < maxAttempts else { return .giveUp }
    switch outcome {
    case .status(429, let retryAfter):
      if let retryAfter {
        return retryAfter <= maxRetryAfter ? .retry(after: max(0, retryAfter)) : .giveUp
      }
      return .retry(after: backoff(attempt: attempt, random: random))
    case .status(let status, _):
      guard idempotent, [502, 503, 504].contains(status) else { return .giveUp }
      return .retry(after: backoff(attempt: attempt, random: random))
    case .transport(let error):
      guard idempotent || !error.requestMayHaveBeenSent else { return .giveUp }
      return .retry(after: backoff(attempt: attempt, random: random))
    }
  }

  /// Exponential backoff with a cap; the top `jitter` share of the delay is random.
  public func backoff(attempt: Int, random: Double) -> Double {
    let exponent = Double(max(0, attempt - 1))
    let capped = min(maxDelay, baseDelay * pow(2, exponent))
    let spread = min(max(jitter, 0), 1)
    return capped * (1 - spread) + capped * spread * min(max(random, 0), 1)
  }

  /// Parses `Retry-After`: whole seconds, or an HTTP date relative to `now`.
  public static func retryAfterSeconds(_ header: String?, now: Date = Date()) -> Double? {
    guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
      return nil
    }
    if let seconds = Double(header) { return max(0, seconds) }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: header) else { return nil }
    return max(0, date.timeIntervalSince(now))
  }
}
