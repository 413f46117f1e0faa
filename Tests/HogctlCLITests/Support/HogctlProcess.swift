import Foundation
import Testing

/// Runs the real `hogctl` binary the way a user does: a separate process, arguments, environment
/// and working directory, standard input that is not a terminal.
struct HogctlRun {
  var exitCode: Int32
  var stdout: String
  var stderr: String
  var output: String { stdout + stderr }
}

enum HogctlProcess {
  /// The `hogctl` built next to the test bundle (`swift build` builds both).
  static var binary: URL { executable("hogctl") }

  /// A product built next to the test bundle, by name.
  static func executable(_ name: String) -> URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for directory in [beside, beside.deletingLastPathComponent()] {
      let candidate = directory.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return packageRoot.appendingPathComponent(".build/debug/\(name)")
  }

  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Waits for the process without blocking a thread: the emulator these runs talk to lives in
  /// the test process and needs the concurrency pool's threads to answer.
  static func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:], input: String? = nil,
    executable: URL = binary
  ) async throws -> HogctlRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "NO_COLOR": "1"]
    env.merge(environment) { _, new in new }
    process.environment = env
    let outURL = directory.appendingPathComponent(".out-\(UUID().uuidString)")
    let errURL = directory.appendingPathComponent(".err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outURL)
      try? FileManager.default.removeItem(at: errURL)
    }
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    process.standardOutput = outHandle
    process.standardError = errHandle
    let exited = AsyncStream<Void> { continuation in
      process.terminationHandler = { _ in continuation.finish() }
    }
    if let input {
      let pipe = Pipe()
      process.standardInput = pipe
      try process.run()
      pipe.fileHandleForWriting.write(Data(input.utf8))
      try pipe.fileHandleForWriting.close()
    } else {
      process.standardInput = FileHandle.nullDevice
      try process.run()
    }
    for await _ in exited {}
    try outHandle.close()
    try errHandle.close()
    return HogctlRun(
      exitCode: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}

/// A scratch directory holding a copy of a manifest directory; removed by `remove()`.
struct Workspace {
  let root: URL
  var manifests: URL { root.appendingPathComponent("manifests") }

  static func copying(_ example: String) throws -> Workspace {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hogctl-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let workspace = Workspace(root: root)
    try FileManager.default.copyItem(
      at: HogctlProcess.packageRoot.appendingPathComponent(example), to: workspace.manifests)
    return workspace
  }

  func read(_ file: String) throws -> String {
    try String(contentsOf: manifests.appendingPathComponent(file), encoding: .utf8)
  }

  func write(_ file: String, _ text: String) throws {
    try text.write(to: manifests.appendingPathComponent(file), atomically: true, encoding: .utf8)
  }

  /// Replaces one exact piece of text in a manifest; fails the test when it is not there.
  func edit(_ file: String, replacing old: String, with new: String) throws {
    let text = try read(file)
    #expect(text.contains(old), "\(file) should contain \(old)")
    try write(file, text.replacingOccurrences(of: old, with: new))
  }

  func remove() {
    try? FileManager.default.removeItem(at: root)
  }
}
