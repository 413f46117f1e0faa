import Foundation
import HogctlJSON

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything the emulator keeps between runs.
struct PersistedState: Codable, Sendable, Equatable {
  static let currentVersion = 1
  var version: Int = currentVersion
  var sequence: Int = 0
  var functions: [StoredFunction] = []
  var persons: [JSONValue] = []
  var logs: LogBook = LogBook()
  var metrics: MetricsBook = MetricsBook()
}

/// Why the emulator refused to start.
public struct EmulatorStartupError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

/// The `--state` file: JSON, read once at start, replaced atomically (a temporary file in the same
/// directory, then `rename`) after every change, so a crash never leaves a half-written file.
struct StateFile: Sendable {
  let path: String

  /// The saved state; `nil` when the file does not exist or is empty. A file that cannot be read
  /// as state is an error: the emulator refuses to start rather than overwrite it.
  func load() throws -> PersistedState? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw EmulatorStartupError(description: "cannot read the state file \(path)")
    }
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return nil }
    let state: PersistedState
    do {
      state = try JSONDecoder().decode(PersistedState.self, from: data)
    } catch {
      throw EmulatorStartupError(
        description: "the state file \(path) is not valid emulator state (\(Self.reason(error))); "
          + "it was left untouched. Fix or move it, or start without --state.")
    }
    guard state.version == PersistedState.currentVersion else {
      throw EmulatorStartupError(
        description: "the state file \(path) has version \(state.version); this emulator reads "
          + "version \(PersistedState.currentVersion). It was left untouched.")
    }
    return state
  }

  func save(_ state: PersistedState) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    let data = try encoder.encode(state)
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    try data.write(to: temporary)
    guard rename(temporary.path, url.path) == 0 else {
      let code = errno
      try? FileManager.default.removeItem(at: temporary)
      throw EmulatorStartupError(description: "cannot replace \(path): \(String(cString: strerror(code)))")
    }
  }

  private static func reason(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context): return context.debugDescription
    case DecodingError.keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let context):
      return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
    default: return "\(error)"
    }
  }
}
