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

  @Test func readsWholeFilesAndNamesWhatCannotBeRead() throws {
    let manager = FileManager.default
    let root = manager.temporaryDirectory.appendingPathComponent("hogctl-read-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: root) }
    try manager.createDirectory(at: root.appendingPathComponent("folder"), withIntermediateDirectories: true)
    let large = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
    try large.write(to: root.appendingPathComponent("large.bin"))
    try Data().write(to: root.appendingPathComponent("empty.yaml"))
    let fileSystem = DiskManifestFileSystem(root: root)
    #expect(try fileSystem.contentsOfFile("large.bin") == large)
    #expect(try fileSystem.contentsOfFile("empty.yaml").isEmpty)
    #expect(try fileSystem.contentsOfFile(root.appendingPathComponent("large.bin").path) == large)
    #expect(try fileSystem.contentsOfFile("large.bin", limit: 299_999) == .tooLarge(size: 300_000))
    #expect(try fileSystem.contentsOfFile("large.bin", limit: 300_000) == .data(large))
    for unreadable in ["missing.yaml", "folder"] {
      do {
        _ = try fileSystem.contentsOfFile(unreadable)
        Issue.record("\(unreadable) was read")
      } catch let error as ManifestFileError {
        #expect(error.path == unreadable)
        #expect(error.reason.hasPrefix("cannot be read ("))
      }
    }
  }

  @Test func readsTextOrSaysWhyNot() throws {
    let manager = FileManager.default
    let root = manager.temporaryDirectory.appendingPathComponent("hogctl-text-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: root) }
    try manager.createDirectory(at: root, withIntermediateDirectories: true)
    let latin1 = Data("name: caf".utf8) + Data([0xE9, 0x0A])
    try Data("name: café\n".utf8).write(to: root.appendingPathComponent("utf8.yaml"))
    try latin1.write(to: root.appendingPathComponent("latin1.yaml"))
    try Data().write(to: root.appendingPathComponent("empty.yaml"))
    let fileSystem = DiskManifestFileSystem(root: root)
    #expect(try fileSystem.textOfFile("utf8.yaml", limit: 100) == .text("name: café\n"))
    #expect(try fileSystem.textOfFile("latin1.yaml", limit: 100) == .notUTF8(latin1))
    #expect(try fileSystem.textOfFile("empty.yaml", limit: 100) == .text(""))
    #expect(try fileSystem.textOfFile("utf8.yaml", limit: 11) == .tooLarge(size: 12))
    #expect(throws: ManifestFileError.self) { try fileSystem.textOfFile("missing.yaml", limit: 100) }
  }

  @Test func manifestsOnDiskAreReadAsTextWithoutAByteOrderMark() throws {
    let manager = FileManager.default
    let root = manager.temporaryDirectory.appendingPathComponent("hogctl-bom-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: root) }
    try manager.createDirectory(at: root, withIntermediateDirectories: true)
    try Data("\u{FEFF}name: A\nhog: return event\nbogus: 1\n".utf8).write(
      to: root.appendingPathComponent("a.yaml"))
    try (Data("name: B\nhog: x # caf".utf8) + Data([0xE9, 0x0A])).write(
      to: root.appendingPathComponent("b.yaml"))
    let result = try ManifestLoader(fileSystem: DiskManifestFileSystem(root: root), environment: [:]).load()
    #expect(result.diagnostics.map(\.ruleID) == [RuleID.unknownField, RuleID.invalidUTF8])
    #expect(
      result.diagnostics.map(\.location) == [
        ManifestLocation(file: "a.yaml", line: 3, column: 1),
        ManifestLocation(file: "b.yaml", line: 2, column: 13),
      ])
    #expect(result.sources["a.yaml"]?.hasPrefix("name: A") == true)
  }
}
