import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A manifest directory on disk: what the CLI reads (and the benchmarks, to measure the same path).
public struct DiskManifestFileSystem: ManifestFileSystem {
  public let root: URL
  /// `root.path`, computed once: URL's path getter was a visible cost per file.
  private let rootPath: String
  private let directory: OpenDirectory

  public init(root: URL) {
    self.root = root
    self.rootPath = root.path
    self.directory = OpenDirectory(path: rootPath)
  }

  public func listFiles() throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw ManifestFileError(path: rootPath, reason: "no such directory")
    }
    let realRoot = Self.realPath(rootPath) ?? rootPath
    var files: [String] = []
    Self.walk(rootPath, relative: "", realRoot: realRoot, into: &files)
    return files.sorted()
  }

  /// A plain readdir walk: one system call per directory entry rather than several per file
  /// through URL resource values, which made listing the largest cost of loading thousands of
  /// files. Hidden entries are skipped; symbolic links are followed only to regular files inside
  /// the manifest directory; linked directories are not entered.
  private static func walk(_ path: String, relative: String, realRoot: String, into files: inout [String]) {
    guard let directory = opendir(path) else { return }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      guard !name.hasPrefix(".") else { continue }
      let full = path + "/" + name
      let shown = relative.isEmpty ? name : relative + "/" + name
      switch kind(of: entry.pointee.d_type, at: full) {
      case .file: files.append(shown)
      case .directory: walk(full, relative: shown, realRoot: realRoot, into: &files)
      case .link:
        var target = stat()
        guard stat(full, &target) == 0, target.st_mode & S_IFMT == S_IFREG,
          let real = realPath(full), real.hasPrefix(realRoot + "/")
        else { continue }
        files.append(shown)
      case .other: continue
      }
    }
  }

  private enum EntryKind { case file, directory, link, other }

  private static func kind(of type: UInt8, at path: String) -> EntryKind {
    switch Int32(type) {
    case Int32(DT_REG): return .file
    case Int32(DT_DIR): return .directory
    case Int32(DT_LNK): return .link
    case Int32(DT_UNKNOWN):
      var status = stat()
      guard lstat(path, &status) == 0 else { return .other }
      switch status.st_mode & S_IFMT {
      case S_IFREG: return .file
      case S_IFDIR: return .directory
      case S_IFLNK: return .link
      default: return .other
      }
    default: return .other
    }
  }

  public func staysInside(_ path: String) -> Bool {
    guard let real = Self.realPath(fullPath(path)) else { return true }
    let realRoot = Self.realPath(rootPath) ?? rootPath
    return real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  public func sizeOfFile(_ path: String) throws -> Int {
    var status = stat()
    guard stat(fullPath(path), &status) == 0 else {
      throw ManifestFileError(path: path, reason: "no such file")
    }
    return Int(status.st_size)
  }

  public func contentsOfFile(_ path: String) throws -> Data {
    guard case .data(let data) = try contentsOfFile(path, limit: Int.max) else {
      throw readError(path)
    }
    return data
  }

  public func contentsOfFile(_ path: String, limit: Int) throws -> LimitedFileContents {
    var size = 0
    return try withContentsOfFile(path, limit: limit, size: &size) { .data(Data($0)) }
      ?? .tooLarge(size: size)
  }

  /// Read into a temporary buffer (on the stack for a manifest's size), so the text is the
  /// only allocation: thousands of manifests each read into `Data` first cost an allocation, a
  /// zero fill and a copy more per file.
  public func textOfFile(_ path: String, limit: Int) throws -> LimitedFileText {
    var size = 0
    return try withContentsOfFile(path, limit: limit, size: &size, LimitedFileText.init(validating:))
      ?? .tooLarge(size: size)
  }

  /// One open, fstat and read: Foundation's file reading, or a `stat` beforehand for the size,
  /// costs several more calls per file. `nil`, with the size, when the file is over `limit`.
  private func withContentsOfFile<Result>(
    _ path: String, limit: Int, size: inout Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) throws -> Result? {
    // Relative to the open directory, the kernel looks up only the names inside it (an
    // absolute path is opened as it is); without one, the path is joined to the root's.
    let descriptor =
      directory.descriptor >= 0
      ? openat(directory.descriptor, path, O_RDONLY | O_CLOEXEC) : open(fullPath(path), O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw readError(path) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw readError(path) }
    size = Int(status.st_size)
    guard size <= limit else { return nil }
    return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size) { buffer in
      var filled = 0
      while filled < buffer.count {
        let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
        if count < 0 && errno == EINTR { continue }
        if count < 0 { throw readError(path) }
        if count == 0 { break }
        filled += count
      }
      // A file that shrank while being read keeps what was there.
      return body(UnsafeBufferPointer(rebasing: buffer[..<filled]))
    }
  }

  private func readError(_ path: String) -> ManifestFileError {
    ManifestFileError(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
  }

  /// A plain path join: URL building per file was a visible cost when loading thousands.
  private func fullPath(_ path: String) -> String {
    path.hasPrefix("/") ? path : rootPath + "/" + path
  }
}

/// The manifest directory, held open while the file system is in use, so its files are opened
/// relative to it: the kernel then looks up two names per manifest rather than every name from
/// `/`, which had made opening the largest system cost of loading thousands of files.
private final class OpenDirectory: Sendable {
  /// -1 when the directory could not be opened; files are then opened by their full path.
  let descriptor: Int32

  init(path: String) {
    descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }
}
