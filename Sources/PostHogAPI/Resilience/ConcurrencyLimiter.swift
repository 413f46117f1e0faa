import Foundation

/// A counting semaphore for async code: at most `limit` holders at once, waiters served in order.
/// A waiter whose task is cancelled leaves the queue and gets `CancellationError`.
public actor ConcurrencyLimiter {
  public let limit: Int
  private var inUse = 0
  private var waiters: [(id: UUID, continuation: CheckedContinuation<Void, any Error>)] = []

  public init(limit: Int) {
    self.limit = max(1, limit)
  }

  /// Runs `body` while holding one of the permits.
  public func withPermit<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
    try await acquire()
    defer { release() }
    return try await body()
  }

  public func acquire() async throws {
    try Task.checkCancellation()
    if inUse < limit {
      inUse += 1
      return
    }
    let id = UUID()
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        waiters.append((id, continuation))
      }
    } onCancel: {
      Task { await self.cancelWaiter(id) }
    }
  }

  public func release() {
    if waiters.isEmpty {
      inUse = max(0, inUse - 1)
    } else {
      // The permit passes straight to the next waiter.
      waiters.removeFirst().continuation.resume()
    }
  }

  private func cancelWaiter(_ id: UUID) {
    guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
    waiters.remove(at: index).continuation.resume(throwing: CancellationError())
  }
}

/// Maps `items` with at most `limit` calls of `transform` running at once, keeping the order.
public func boundedConcurrentMap<Item: Sendable, Result: Sendable>(
  _ items: [Item], limit: Int, _ transform: @escaping @Sendable (Item) async throws -> Result
) async throws -> [Result] {
  try await withThrowingTaskGroup(of: (Int, Result).self) { group in
    var results = [Result?](repeating: nil, count: items.count)
    var next = 0
    for _ in 0..<min(max(1, limit), items.count) {
      let index = next
      group.addTask { (index, try await transform(items[index])) }
      next += 1
    }
    while let (index, result) = try await group.next() {
      results[index] = result
      if next < items.count {
        let index = next
        group.addTask { (index, try await transform(items[index])) }
        next += 1
      }
    }
    return results.map { $0! }
  }
}
