import Foundation

/// Runs work on a thread with a large stack: the parser recurses once per nesting level, and
/// PostHog allows 1,000 levels of brackets (more through prefix operators), deeper than the
/// default stack of a secondary thread holds in a debug build.
enum LargeStack {
  static let size = 512 << 20

  private final class Box<T>: @unchecked Sendable {
    var value: T?
  }

  static func run<T>(_ work: @escaping @Sendable () -> T) -> T {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      box.value = work()
      done.signal()
    }
    thread.stackSize = size
    thread.start()
    done.wait()
    return box.value!
  }
}
