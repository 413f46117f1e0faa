import Foundation

/// Time as the client sees it: a monotonic `now` in seconds, a cancellable `sleep`, and a source
/// of randomness for jitter. Tests substitute a clock whose sleep only advances `now`.
public struct ClientClock: Sendable {
  public var now: @Sendable () -> Double
  public var sleep: @Sendable (Double) async throws -> Void
  /// A number in `0..<1`.
  public var random: @Sendable () -> Double

  public init(
    now: @escaping @Sendable () -> Double,
    sleep: @escaping @Sendable (Double) async throws -> Void,
    random: @escaping @Sendable () -> Double
  ) {
    self.now = now
    self.sleep = sleep
    self.random = random
  }

  /// The real clock: `ContinuousClock`, `Task.sleep` (throws `CancellationError`).
  public static let system: ClientClock = {
    let start = ContinuousClock.now
    return ClientClock(
      now: {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      },
      sleep: { seconds in
        guard seconds > 0 else { return try Task.checkCancellation() }
        try await Task.sleep(for: .milliseconds(Int((seconds * 1000).rounded(.up))))
      },
      random: { Double.random(in: 0..<1) }
    )
  }()
}
