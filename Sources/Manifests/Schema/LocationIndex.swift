/// Where each decoded value was written, by path (`masking.ttl`, `inputs_schema[0].type`,
/// `inputs.url`), so rules that run on the decoded JSON can still point at file:line:col.
struct LocationIndex: Sendable {
  /// Locations by path, stored as line and column only: nearly all of them are in the
  /// document's own file, and a full `ManifestLocation` per path made the index the largest
  /// part of a loaded manifest. Locations in another file (`!file`) are kept whole.
  struct Table: Sendable {
    private struct Position: Sendable {
      var line: Int32
      var column: Int32
    }

    private let file: String
    private var positions: [String: Position] = [:]
    private var elsewhere: [String: ManifestLocation] = [:]

    init(file: String) {
      self.file = file
    }

    subscript(path: String) -> ManifestLocation? {
      get {
        if let position = positions[path] {
          return ManifestLocation(file: file, line: Int(position.line), column: Int(position.column))
        }
        return elsewhere[path]
      }
      set {
        if let location = newValue, location.file == file, let line = Int32(exactly: location.line),
          let column = Int32(exactly: location.column)
        {
          positions[path] = Position(line: line, column: column)
          if !elsewhere.isEmpty { elsewhere[path] = nil }
        } else {
          positions[path] = nil
          elsewhere[path] = newValue
        }
      }
    }
  }

  var keys: Table
  var values: Table
  /// Where the document starts.
  var document: ManifestLocation

  init(document: ManifestLocation) {
    self.document = document
    self.keys = Table(file: document.file)
    self.values = Table(file: document.file)
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
    path.isEmpty ? key : path + "." + key
  }

  static func element(_ path: String, _ index: Int) -> String {
    path + "[" + String(index) + "]"
  }
}
