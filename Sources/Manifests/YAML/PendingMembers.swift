/// The members of the collections `PlainYAMLParser` is reading, innermost last. Each collection
/// appends its members here and, when it ends, moves them out into an array sized to fit: an
/// array per collection grown a few members at a time cost an allocation per doubling, and
/// copying members out of a shared array would retain and release every node in them.
final class PendingMembers<Element> {
  private var storage: UnsafeMutablePointer<Element>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 32) {
    self.capacity = capacity
    storage = .allocate(capacity: capacity)
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  func append(_ element: consuming Element) {
    if count == capacity {
      let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: storage, count: count)
      storage.deallocate()
      storage = larger
      capacity *= 2
    }
    (storage + count).initialize(to: element)
    count += 1
  }

  /// The members from `first` on, read in place.
  func withMembers<Result>(from first: Int, _ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
    body(UnsafeBufferPointer(start: storage + first, count: count - first))
  }

  /// Moves the members from `first` on into an array of their own.
  func take(from first: Int) -> [Element] {
    let taken = count - first
    let members = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
      if taken > 0 { buffer.baseAddress!.moveInitialize(from: storage + first, count: taken) }
      initialized = taken
    }
    count = first
    return members
  }
}
