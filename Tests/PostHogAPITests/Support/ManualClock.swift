import Foundation
import PostHogAPI

/// A clock whose `sleep` returns at once and only moves `now` forward, recording each wait.
final class ManualClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Double = 1000
  private var recordedSleeps: [Double] = []
  var randomValue: Double = 0.5

  var now: Double { lock.withLock { current } }
  var sleeps: [Double] { lock.withLock { recordedSleeps } }

  func advance(by seconds: Double) {
    lock.withLock { current += seconds }
  }

  var clock: ClientClock {
    ClientClock(
      now: { self.now },
      sleep: { seconds in
        try Task.checkCancellation()
        self.lock.withLock {
          self.recordedSleeps.append(seconds)
          self.current += max(0, seconds)
        }
      },
      random: { self.randomValue }
    )
  }
}
