/// The members of the collections the JSON parser is reading (objects and arrays), innermost
/// last. Each collection appends its members here and, when it ends, moves them out into an
/// array sized to fit: an array per collection grown a few members at a time costs an
/// allocation per doubling, and copying members out of a shared array retains and releases
/// every value in them.
///
/// Inlinable, so it is specialised for each member type rather than run as generic
/// code; its state sits behind a pointer, so reaching it takes no exclusivity check at run time
/// (which a class's stored properties would take on every append).
public final class PendingMembers<Element> {
  @usableFromInline struct State {
    @usableFromInline var storage: UnsafeMutablePointer<Element>
    @usableFromInline var capacity: Int
    @usableFromInline var count: Int

    @usableFromInline init(storage: UnsafeMutablePointer<Element>, capacity: Int, count: Int) {
      (self.storage, self.capacity, self.count) = (storage, capacity, count)
    }
  }

  @usableFromInline let state: UnsafeMutablePointer<State>

  @inlinable
  public init(capacity: Int = 32) {
    state = .allocate(capacity: 1)
    state.initialize(to: State(storage: .allocate(capacity: capacity), capacity: capacity, count: 0))
  }

  deinit {
    state.pointee.storage.deinitialize(count: state.pointee.count)
    state.pointee.storage.deallocate()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  @inlinable public var count: Int { state.pointee.count }

  @inlinable
  public func append(_ element: consuming Element) {
    if state.pointee.count == state.pointee.capacity { grow() }
    (state.pointee.storage + state.pointee.count).initialize(to: element)
    state.pointee.count += 1
  }

  @usableFromInline
  func grow() {
    let larger = UnsafeMutablePointer<Element>.allocate(capacity: state.pointee.capacity * 2)
    larger.moveInitialize(from: state.pointee.storage, count: state.pointee.count)
    state.pointee.storage.deallocate()
    state.pointee.storage = larger
    state.pointee.capacity *= 2
  }

  /// The members from `first` on, read in place.
  @inlinable
  public func withMembers<Result>(from first: Int, _ body: (UnsafeBufferPointer<Element>) -> Result) -> Result
  {
    body(UnsafeBufferPointer(start: state.pointee.storage + first, count: state.pointee.count - first))
  }

  /// Moves the members from `first` on into an array of their own.
  @inlinable
  public func take(from first: Int) -> [Element] {
    let end = state.pointee.count
    var members: [Element] = []
    members.reserveCapacity(end - first)
    for index in first..<end { members.append((state.pointee.storage + index).move()) }
    state.pointee.count = first
    return members
  }
}
