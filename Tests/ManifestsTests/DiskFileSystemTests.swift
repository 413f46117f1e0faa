import Foundation
import Testing

@testable import Manifests

@Suite("Manifest directory on disk")
struct DiskFileSystemTests {
  @Test func listsVisibleFilesAndLinksThatStayInside() throws {
    let manager = FileManager.default
    let base = manager.temporaryDirectory.appendingPathComponent("hogctl-disk-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: base) }
    let root = base.appendingPathComponent("manifests")
    for directory in ["sub/deeper", ".hidden", "outside"] {
      let parent = directory == "outside" ? base : root
      try manager.createDirectory(
        at: parent.appendingPathComponent(directory), withIntermediateDirectories: true)
    }
    for file in ["a.yaml", "sub/b.yaml", "sub/deeper/c.yml", ".hidden/d.yaml", ".e.yaml", "notes.txt"] {
      try Data("x: 1\n".utf8).write(to: root.appendingPathComponent(file))
    }
    try Data("y: 2\n".utf8).write(to: base.appendingPathComponent("outside/secret.yaml"))
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("inside-link.yaml").path, withDestinationPath: "a.yaml")
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("outside-link.yaml").path,
      withDestinationPath: base.appendingPathComponent("outside/secret.yaml").path)
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("linked-dir").path,
      withDestinationPath: root.appendingPathComponent("sub").path)

    let fileSystem = DiskManifestFileSystem(root: root)
    #expect(
      try fileSystem.listFiles() == [
        "a.yaml", "inside-link.yaml", "notes.txt", "sub/b.yaml", "sub/deeper/c.yml",
      ])
    #expect(try fileSystem.sizeOfFile("sub/b.yaml") == 5)
    #expect(try fileSystem.contentsOfFile("inside-link.yaml") == Data("x: 1\n".utf8))
    #expect(throws: ManifestFileError.self) { try fileSystem.sizeOfFile("missing.yaml") }
    #expect(throws: ManifestFileError.self) {
      try DiskManifestFileSystem(root: root.appendingPathComponent("missing")).listFiles()
    }
  }
}
