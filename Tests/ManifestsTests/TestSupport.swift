import Foundation
import Testing

@testable import Manifests

/// Loads manifests given as text, with an injected environment.
func loadManifests(
  _ files: [String: String], environment: [String: String] = [:], options: ManifestLoadOptions = .init()
) throws -> ManifestLoadResult {
  try ManifestLoader(
    fileSystem: InMemoryManifestFileSystem(texts: files), environment: environment, options: options
  ).load()
}

/// Loads a single `function.yaml`.
func loadFunction(_ yaml: String, environment: [String: String] = [:]) throws -> ManifestLoadResult {
  try loadManifests(["function.yaml": yaml], environment: environment)
}

/// A `↓` marker in example text: the text without it and where it was.
struct MarkedFiles {
  var files: [String: Data] = [:]
  var marker: ManifestLocation?

  init(_ example: RuleExample) {
    for (path, text) in example.files {
      var clean = ""
      var line = 1
      var column = 1
      for scalar in text.unicodeScalars {
        if scalar == "↓" {
          marker = ManifestLocation(file: path, line: line, column: column)
          continue
        }
        clean.unicodeScalars.append(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      }
      files[path] = Data(clean.utf8) + (example.rawSuffixes[path] ?? Data())
    }
  }
}

/// A directory of files read from disk into memory (the edge of the tests).
func readDirectory(_ url: URL) throws -> [String: Data] {
  var files: [String: Data] = [:]
  let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
  let base = url.standardizedFileURL.pathComponents.count
  while let item = enumerator?.nextObject() as? URL {
    guard (try item.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
    let path = item.standardizedFileURL.pathComponents.dropFirst(base).joined(separator: "/")
    files[path] = try Data(contentsOf: item)
  }
  return files
}

/// The `Fixtures` folder in the source tree (the same files SwiftPM copies into the bundle).
let fixturesURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
  "Fixtures")

func caseNames(_ kind: String) -> [String] {
  let folder = fixturesURL.appendingPathComponent(kind)
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
  return names.filter { !$0.hasPrefix(".") }.sorted()
}

extension Diagnostic {
  var position: String {
    location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"
  }
}
