import Dispatch

extension Array where Element: Sendable {
  /// `map` across the machine's cores, results in the original order. For CPU-bound work on
  /// independent items (parsing thousands of manifest files). Items are handed out in chunks of
  /// `chunkSize`; use 1 for a few large items.
  public func parallelMap<Result: Sendable>(chunkSize: Int = 16, _ transform: @Sendable (Element) -> Result)
    -> [Result]
  {
    precondition(chunkSize >= 1, "chunkSize must be at least 1")
    guard count > chunkSize else { return map(transform) }
    let chunks = (count + chunkSize - 1) / chunkSize
    let items = self
    return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
      let output = ChunkOutput(base: buffer.baseAddress!)
      withoutActuallyEscaping(transform) { transform in
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
          for index in (chunk * chunkSize)..<Swift.min(items.count, (chunk + 1) * chunkSize) {
            output.base.advanced(by: index).initialize(to: transform(items[index]))
          }
        }
      }
      initialized = items.count
    }
  }
}

extension Array where Element: Sendable {
  /// Empties the array, releasing its elements across the machine's cores: freeing thousands of
  /// trees of small objects (decoded manifests) one by one otherwise keeps one core busy while
  /// the others wait. What an element alone holds is freed by the thread that clears it.
  public mutating func releaseInParallel(chunkSize: Int = 64) {
    guard count > chunkSize else { return removeAll() }
    var slots = map(Optional.some)
    removeAll()
    let chunks = (slots.count + chunkSize - 1) / chunkSize
    slots.withUnsafeMutableBufferPointer { buffer in
      let output = ChunkOutput(base: buffer.baseAddress!)
      let count = buffer.count
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for index in (chunk * chunkSize)..<Swift.min(count, (chunk + 1) * chunkSize) {
          output.base[index] = nil
        }
      }
    }
  }
}

/// The output buffer shared by the chunks; each chunk writes only its own indices.
private struct ChunkOutput<Result>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Result>
}
