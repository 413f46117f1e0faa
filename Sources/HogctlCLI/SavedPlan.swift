import Foundation
import Reconciler

/// A plan written by `plan -out FILE` and read by `apply FILE`: the plan (which holds no secret
/// value) and the manifest directory it was made from, so apply can re-read the secrets and
/// check that nothing moved.
struct SavedPlan: Codable {
  /// Raised whenever a saved plan's meaning changes, so an old file is refused by name rather
  /// than reported stale. 2: live digests leave out the server's compiled forms. 3: the
  /// manifests' digest hashes each function on its own.
  static let currentVersion = "3"

  var formatVersion: String
  var hogctlVersion: String
  /// The manifest directory as it was given to `plan`, relative to the working directory.
  var directory: String
  var skipEnvironment: Bool
  var plan: Plan

  enum CodingKeys: String, CodingKey {
    case formatVersion = "saved_plan_version"
    case hogctlVersion = "hogctl_version"
    case directory
    case skipEnvironment = "skip_env"
    case plan
  }

  func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(self)
    // The plan hides sensitive values in its changes and bodies; one left in a name or a reason
    // would be stored in a file that may be shared, so the plan is not saved at all.
    let text = String(decoding: data, as: UTF8.self)
    guard Terminal.redacted(text) == text else {
      throw CommandError(
        "Not saved: the plan would hold a sensitive value (an !env value, a secret input's value or "
          + "the API key) where hogctl cannot hide it, such as a function's name.")
    }
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  static func read(from path: String) throws -> SavedPlan {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError("Cannot read the saved plan '\(path)'.")
    }
    let saved: SavedPlan
    do {
      saved = try JSONDecoder().decode(SavedPlan.self, from: data)
    } catch {
      throw CommandError("'\(path)' is not a plan saved by `hogctl plan -out`: \(error)")
    }
    guard saved.formatVersion == currentVersion else {
      throw CommandError(
        "'\(path)' is a saved plan of format \(saved.formatVersion); this hogctl reads format \(currentVersion)."
      )
    }
    return saved
  }

  /// Whether `path` names a saved plan file rather than a manifest directory.
  static func isPlanFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }
}
