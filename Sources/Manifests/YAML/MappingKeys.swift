/// Finds a key given twice in one mapping, among the pairs the mapping has so far (both YAML
/// readers keep them in order). A manifest's mappings are small, and scanning their few keys
/// costs less than hashing each one; past `scanLimit` pairs a table takes over, so a huge
/// mapping still costs linear time.
struct MappingKeys {
  static let scanLimit = 16

  /// Each key's position among the pairs, once the table has taken over.
  private var table: [String: Int]?

  /// The position in `earlier` of the pair whose key is `text`, or `nil` when there is none,
  /// in which case the caller adds a pair with that key next: call once per new key, with all
  /// the pairs added before it.
  mutating func position(of text: String, among earlier: UnsafeBufferPointer<SourcePair>) -> Int? {
    if table == nil, earlier.count >= Self.scanLimit {
      table = Dictionary(
        earlier.indices.map { (earlier[$0].keyText, $0) }, uniquingKeysWith: { first, _ in first })
    }
    guard table != nil else { return earlier.firstIndex { $0.keyText == text } }
    if let position = table![text] { return position }
    table![text] = earlier.count
    return nil
  }
}
