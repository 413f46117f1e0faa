import Foundation

/// The output directory of an import: files are written only when their content changes, and
/// an existing file that differs is left alone unless forced.
struct ImportDirectory {
  static let environmentExample = ".env.example"

  enum Outcome {
    case created, updated, unchanged, conflict
  }

  struct Report {
    var outcomes: [String: Outcome] = [:]

    var conflicts: [String] { outcomes.filter { $0.value == .conflict }.map(\.key).sorted() }

    mutating func record(_ path: String, _ outcome: Outcome) { outcomes[path] = outcome }

    func summary(functions: Int, directory: String) -> String {
      let count = { (outcome: Outcome) in outcomes.values.filter { $0 == outcome }.count }
      return "Imported \(functions) function(s) into \(directory): \(count(.created)) file(s) created, "
        + "\(count(.updated)) updated, \(count(.unchanged)) unchanged"
        + (conflicts.isEmpty ? "" : ", \(conflicts.count) left as they are") + ".\n"
    }
  }

  let path: String
  private var root: URL { URL(fileURLWithPath: path, isDirectory: true) }

  func display(_ relative: String) -> String {
    path == "." ? relative : (path.hasSuffix("/") ? path : path + "/") + relative
  }

  func read(_ relative: String) throws -> String? {
    let url = root.appendingPathComponent(relative)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    return try String(contentsOf: url, encoding: .utf8)
  }

  func write(_ files: [(path: String, text: String)], force: Bool) throws -> Report {
    var report = Report()
    for file in files { report.record(file.path, try write(file.path, file.text, force: force)) }
    return report
  }

  /// Writes `text` unless the file already holds it, or holds something else and `force` is off.
  func write(_ relative: String, _ text: String, force: Bool) throws -> Outcome {
    let url = root.appendingPathComponent(relative)
    let existing = try read(relative)
    if existing == text { return .unchanged }
    if existing != nil && !force { return .conflict }
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
    return existing == nil ? .created : .updated
  }
}
