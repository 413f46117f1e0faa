/// The keys of a mapping being composed, to find repeats. A manifest's mappings are small, and
/// scanning a few keys is cheaper than hashing each one; past `scanLimit` keys a hash table
/// takes over, so a huge mapping still costs linear time.
struct MappingKeys {
  static let scanLimit = 16

  private var scanned: [(text: String, location: ManifestLocation)] = []
  private var table: [String: ManifestLocation]?

  /// Where `text` was first given as a key, if it was.
  func location(of text: String) -> ManifestLocation? {
    if let table { return table[text] }
    return scanned.first { $0.text == text }?.location
  }

  /// Records a key not given before.
  mutating func insert(_ text: String, at location: ManifestLocation) {
    if table != nil {
      table?[text] = location
      return
    }
    scanned.append((text, location))
    if scanned.count > Self.scanLimit {
      table = Dictionary(uniqueKeysWithValues: scanned.map { ($0.text, $0.location) })
      scanned = []
    }
  }
}
