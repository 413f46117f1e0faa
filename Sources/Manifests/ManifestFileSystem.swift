import Foundation

/// Where manifests come from. Paths are relative to the manifest directory and use `/`.
/// The CLI reads a real directory; tests hand in files as data.
public protocol ManifestFileSystem: Sendable {
  /// Every regular file below the manifest directory, hidden files and folders left out.
  func listFiles() throws -> [String]
  /// The size in bytes, so oversized files are refused before they are read.
  func sizeOfFile(_ path: String) throws -> Int
  func contentsOfFile(_ path: String) throws -> Data
  /// The bytes, unless the file is larger than `limit`: then only its size.
  func contentsOfFile(_ path: String, limit: Int) throws -> LimitedFileContents
}

/// A file's bytes, or its size when it is over the limit it was read with.
public enum LimitedFileContents: Sendable, Equatable {
  case data(Data)
  case tooLarge(size: Int)
}

extension ManifestFileSystem {
  /// The size first, then the bytes; a file system that can do both in one step does.
  public func contentsOfFile(_ path: String, limit: Int) throws -> LimitedFileContents {
    let size = try sizeOfFile(path)
    return size > limit ? .tooLarge(size: size) : .data(try contentsOfFile(path))
  }
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
