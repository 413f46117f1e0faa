/// The keys of a mapping being composed, to find repeats. A manifest's mappings are small, and
/// scanning a few keys is cheaper than hashing each one; past `scanLimit` keys a hash table
/// takes over, so a huge mapping still costs linear time.
struct MappingKeys {
  static let scanLimit = 16

  private var keys: [(text: String, location: ManifestLocation)] = []
  private var table: [String: ManifestLocation] = [:]

  /// Where `text` was first given as a key, if it was.
  func location(of text: String) -> ManifestLocation? {
    if keys.count <= Self.scanLimit { return keys.first { $0.text == text }?.location }
    return table[text]
  }

  /// Records a key not given before.
  mutating func insert(_ text: String, at location: ManifestLocation) {
    keys.append((text, location))
    if keys.count == Self.scanLimit + 1 {
      table = Dictionary(keys.map { ($0.text, $0.location) }, uniquingKeysWith: { first, _ in first })
    } else if keys.count > Self.scanLimit + 1 {
      table[text] = location
    }
  }
}
