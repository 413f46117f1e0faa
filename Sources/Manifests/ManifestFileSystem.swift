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
  /// The file as text when it is UTF-8, its bytes when it is not, its size when it is larger
  /// than `limit`.
  func textOfFile(_ path: String, limit: Int) throws -> LimitedFileText
  /// Whether `path` (relative, without `..` escapes) still names a file inside the directory
  /// once symbolic links are followed. A missing file counts as inside: reading it then fails.
  func staysInside(_ path: String) -> Bool
}

/// A file's bytes, or its size when it is over the limit it was read with.
public enum LimitedFileContents: Sendable, Equatable {
  case data(Data)
  case tooLarge(size: Int)
}

/// A file's text, or why there is none: its bytes are not UTF-8, or it is over the limit.
public enum LimitedFileText: Sendable, Equatable {
  case text(String)
  /// The bytes, to point at the first one that is not UTF-8.
  case notUTF8(Data)
  case tooLarge(size: Int)

  init(validating bytes: some Collection<UInt8>) {
    self = String(validating: bytes, as: UTF8.self).map(Self.text) ?? .notUTF8(Data(bytes))
  }
}

extension ManifestFileSystem {
  /// File systems without links hold only files inside them.
  public func staysInside(_ path: String) -> Bool { true }

  /// The size first, then the bytes; a file system that can do both in one step does.
  public func contentsOfFile(_ path: String, limit: Int) throws -> LimitedFileContents {
    let size = try sizeOfFile(path)
    return size > limit ? .tooLarge(size: size) : .data(try contentsOfFile(path))
  }

  /// The bytes, then the text; a file system that can read text without a copy does.
  public func textOfFile(_ path: String, limit: Int) throws -> LimitedFileText {
    switch try contentsOfFile(path, limit: limit) {
    case .data(let data): LimitedFileText(validating: data)
    case .tooLarge(let size): .tooLarge(size: size)
    }
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
