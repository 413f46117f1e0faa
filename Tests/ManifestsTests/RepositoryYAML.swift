import Foundation

/// Every YAML file checked into the repository, for tests that run on real manifests.
enum RepositoryYAML {
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The examples, the test fixtures and the fuzz seeds (split into their files).
  static func files() throws -> [(name: String, data: Data)] {
    var files: [(String, Data)] = []
    for folder in ["examples", "Tests", "Fuzz/corpus", "docs"] {
      let base = repositoryRoot.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
        continue
      }
      for case let url as URL in walker where ["yaml", "yml", "bin"].contains(url.pathExtension) {
        let parts = try Data(contentsOf: url).split(separator: 0xFF, omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
          files.append(("\(url.path.dropFirst(repositoryRoot.path.count))#\(index)", Data(part)))
        }
      }
    }
    return files
  }
}
