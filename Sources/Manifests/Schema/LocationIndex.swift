/// Where each decoded value was written, by path (`masking.ttl`, `inputs_schema[0].type`,
/// `inputs.url`), so rules that run on the decoded JSON can still point at file:line:col.
struct LocationIndex: Sendable {
  var keys: [String: ManifestLocation] = [:]
  var values: [String: ManifestLocation] = [:]
  /// Where the document starts.
  var document: ManifestLocation

  init(document: ManifestLocation) {
    self.document = document
  }

  /// The value's location, else its key's, else the nearest enclosing value's.
  func value(_ path: String) -> ManifestLocation {
    if let location = values[path] ?? keys[path] { return location }
    return parent(of: path).map(value) ?? document
  }

  /// The key's location, else the value's.
  func key(_ path: String) -> ManifestLocation {
    keys[path] ?? value(path)
  }

  private func parent(of path: String) -> String? {
    guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return path.isEmpty ? nil : "" }
    return String(path[..<cut])
  }

  static func child(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  static func element(_ path: String, _ index: Int) -> String {
    "\(path)[\(index)]"
  }
}
