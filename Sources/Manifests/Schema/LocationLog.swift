/// Where each decoded value was written, by path (`masking.ttl`, `inputs_schema[0].type`,
/// `inputs.url`), as `ShapeDecoder` notes it when asked to (see `LocationIndex`).
struct LocationLog: Sendable, Equatable {
  /// Locations by path, as a log of notes: the paths' bytes side by side in one buffer and a
  /// line and column per note, built for cheap appends and small size (no per-path strings or
  /// hash tables); a lookup scans it from the end, so the last note of a path wins.
  struct Table: Sendable, Equatable {
    private struct Note: Sendable, Equatable {
      /// Where the note's path ends in `pathBytes`; it starts where the previous one ends.
      var pathEnd: UInt32
      /// 1-based, in the document's file.
      var line: Int32
      var column: Int32
    }

    private let file: String
    private var pathBytes: [UInt8] = []
    private var notes: [Note] = []

    init(file: String) {
      self.file = file
    }

    subscript(path: String) -> ManifestLocation? {
      var index = notes.count - 1
      while index >= 0 {
        let start = index == 0 ? 0 : Int(notes[index - 1].pathEnd)
        let note = notes[index]
        if pathBytes[start..<Int(note.pathEnd)].elementsEqual(path.utf8) {
          return ManifestLocation(file: file, line: Int(note.line), column: Int(note.column))
        }
        index -= 1
      }
      return nil
    }

    /// A location in this table's own file, as a YAML node gives it. The path comes as UTF-8,
    /// as the decoder builds it.
    mutating func note(_ path: some Collection<UInt8>, line: Int32, column: Int32) {
      pathBytes.append(contentsOf: path)
      notes.append(Note(pathEnd: UInt32(pathBytes.count), line: line, column: column))
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
}
