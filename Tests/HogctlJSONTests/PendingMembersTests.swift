import HogctlJSON
import Synchronization
import Testing

struct PendingMembersTests {
  @Test func nestedCollectionsTakeTheirOwnMembersInOrder() {
    let pending = PendingMembers<String>(capacity: 2)
    pending.append("outer 1")
    let inner = pending.count
    for index in 0..<5 { pending.append("inner \(index)") }
    #expect(pending.take(from: inner) == (0..<5).map { "inner \($0)" })
    pending.append("outer 2")
    #expect(pending.withMembers(from: 0) { Array($0) } == ["outer 1", "outer 2"])
    #expect(pending.take(from: 0) == ["outer 1", "outer 2"])
    #expect(pending.count == 0)
    #expect(pending.take(from: 0).isEmpty)
  }

  /// Members moved out are owned by the array they went to; those never taken (a parse that
  /// gave up) are released with the buffer. Each is released exactly once.
  @Test func everyMemberIsReleasedOnce() {
    let releases = ReleaseCount()
    var taken: [Tracked] = []
    do {
      let pending = PendingMembers<Tracked>(capacity: 1)
      for _ in 0..<6 { pending.append(Tracked(releases)) }
      taken = pending.take(from: 4)
      #expect(releases.value == 0)
    }
    #expect(releases.value == 4)
    #expect(taken.count == 2)
    taken = []
    #expect(releases.value == 6)
  }
}

private final class ReleaseCount: Sendable {
  private let count = Mutex(0)
  var value: Int { count.withLock { $0 } }
  func add() { count.withLock { $0 += 1 } }
}

private final class Tracked: Sendable {
  let releases: ReleaseCount
  init(_ releases: ReleaseCount) { self.releases = releases }
  deinit { releases.add() }
}
