import HogctlCore
import Synchronization
import Testing

struct ParallelMapTests {
  @Test(arguments: [0, 1, 15, 16, 17, 100, 1_003])
  func keepsTheOrderOfMap(_ count: Int) {
    let items = Array(0..<count)
    #expect(items.parallelMap { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
    #expect(items.parallelMap(chunkSize: 1) { String($0) } == items.map { String($0) })
  }

  @Test func callsTheTransformOncePerItem() {
    let calls = Mutex(0)
    let items = Array(0..<500)
    let results = items.parallelMap(chunkSize: 7) { item -> Int in
      calls.withLock { $0 += 1 }
      return item
    }
    #expect(results == items)
    #expect(calls.withLock { $0 } == 500)
  }

  @Test(arguments: [0, 5, 64, 65, 1_000])
  func releaseInParallelFreesWhatOnlyTheArrayHeld(_ count: Int) {
    let freed = FreeCounter()
    var items = (0..<count).map { _ in Tracked(freed) }
    let kept = items.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
    items.releaseInParallel()
    #expect(items.isEmpty)
    #expect(freed.count.withLock { $0 } == count - kept.count)
    withExtendedLifetime(kept) {}
    #expect(kept.count == (count + 2) / 3)
  }
}

private final class FreeCounter: Sendable {
  let count = Mutex(0)
}

/// Counts its own deinitialisation.
private final class Tracked: Sendable {
  let freed: FreeCounter
  init(_ freed: FreeCounter) { self.freed = freed }
  deinit { freed.count.withLock { $0 += 1 } }
}
