import Foundation
import Manifests

/// A manifest directory on disk.
struct DiskManifestFileSystem: ManifestFileSystem {
  var root: URL

  func listFiles() throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw ManifestFileError(path: root.path, reason: "no such directory")
    }
    guard
      let enumerator = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { return [] }
    let rootComponents = root.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    var files: [String] = []
    for case let url as URL in enumerator {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
      let components = url.standardizedFileURL.resolvingSymlinksInPath().pathComponents
      guard components.starts(with: rootComponents) else { continue }
      files.append(components.dropFirst(rootComponents.count).joined(separator: "/"))
    }
    return files.sorted()
  }

  func sizeOfFile(_ path: String) throws -> Int {
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url(path).path)
      return (attributes[.size] as? NSNumber)?.intValue ?? 0
    } catch {
      throw ManifestFileError(path: path, reason: "no such file")
    }
  }

  func contentsOfFile(_ path: String) throws -> Data {
    do {
      return try Data(contentsOf: url(path))
    } catch {
      throw ManifestFileError(path: path, reason: "cannot be read (\(error.localizedDescription))")
    }
  }

  private func url(_ path: String) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
  }
}
