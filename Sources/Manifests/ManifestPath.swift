/// Lexical path handling for manifest-relative paths (`/`-separated, no file system access).
enum ManifestPath {
  /// Removes `.` and resolves `..` where possible; leading `..` components are kept.
  static func normalize(_ path: String) -> String {
    let isAbsolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if part == "..", isAbsolute {
        continue
      } else {
        parts.append(part)
      }
    }
    return (isAbsolute ? "/" : "") + parts.joined(separator: "/")
  }

  /// The folder part of a relative path, `""` for a top-level file.
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// `target` read relative to the folder of `file`; absolute targets stay as they are.
  static func resolve(_ target: String, relativeTo file: String) -> String {
    if target.hasPrefix("/") { return normalize(target) }
    let folder = directory(of: file)
    return normalize(folder.isEmpty ? target : folder + "/" + target)
  }

  /// The last non-empty component (`a/b.yaml` → `b.yaml`, `a/b/` → `b`); the path itself when
  /// it has none. Searched as UTF-8 bytes (`/` is ASCII): splitting into Characters cost more
  /// than anything else in telling a settings file from a manifest, for every file.
  static func fileName(of path: String) -> String {
    let bytes = path.utf8
    let slash = UInt8(ascii: "/")
    guard let last = bytes.lastIndex(where: { $0 != slash }) else { return path }
    let end = bytes.index(after: last)
    let start = bytes[..<end].lastIndex(of: slash).map(bytes.index(after:)) ?? bytes.startIndex
    return String(path[start..<end])
  }
}
