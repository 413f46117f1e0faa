import Foundation

/// Where manifests come from. Paths are relative to the manifest directory and use `/`.
/// The CLI reads a real directory; tests hand in files as data.
public protocol ManifestFileSystem: Sendable {
  /// Every regular file below the manifest directory, hidden files and folders left out.
  func listFiles() throws -> [String]
  /// The size in bytes, so oversized files are refused before they are read.
  func sizeOfFile(_ path: String) throws -> Int
  func contentsOfFile(_ path: String) throws -> Data
}

/// A failure to read a file, with a message a user can act on.
public struct ManifestFileError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): \(reason)" }
}

/// Manifests held in memory: the form tests and embedders use.
public struct InMemoryManifestFileSystem: ManifestFileSystem {
  public var files: [String: Data]

  public init(files: [String: Data]) {
    self.files = files
  }

  public init(texts: [String: String]) {
    self.files = texts.mapValues { Data($0.utf8) }
  }

  public func listFiles() throws -> [String] {
    files.keys.filter { path in !path.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
  }

  public func sizeOfFile(_ path: String) throws -> Int {
    try contentsOfFile(path).count
  }

  public func contentsOfFile(_ path: String) throws -> Data {
    guard let data = files[ManifestPath.normalize(path)] else {
      throw ManifestFileError(path: path, reason: "no such file")
    }
    return data
  }
}
