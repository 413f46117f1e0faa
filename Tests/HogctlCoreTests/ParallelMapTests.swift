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
}
