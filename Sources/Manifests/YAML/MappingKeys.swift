/// The keys of a mapping being composed, to find repeats. A manifest's mappings are small, and
/// scanning a few keys is cheaper than hashing each one; past `scanLimit` keys a hash table
/// takes over, so a huge mapping still costs linear time.
struct MappingKeys {
  static let scanLimit = 16

  private var scanned: [(text: String, line: Int32)] = []
  private var table: [String: Int32]?

  /// The line `text` was first given on as a key, if it was.
  func line(of text: String) -> Int? {
    if let table { return table[text].map(Int.init) }
    return scanned.first { $0.text == text }.map { Int($0.line) }
  }

  /// Records a key not given before.
  mutating func insert(_ text: String, line: Int32) {
    if table != nil {
      table?[text] = line
      return
    }
    scanned.append((text, line))
    if scanned.count > Self.scanLimit {
      table = Dictionary(uniqueKeysWithValues: scanned.map { ($0.text, $0.line) })
      scanned = []
    }
  }
}
