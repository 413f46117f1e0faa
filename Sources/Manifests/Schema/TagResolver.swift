import Foundation

/// Resolves `!env` and `!file` for one manifest file.
struct TagResolver {
  /// The manifest's path relative to the manifest directory; `!file` paths are relative to it.
  var file: String
  var fileSystem: any ManifestFileSystem
  var environment: [String: String]
  var skipEnvironment: Bool
  /// Turns a directory-relative path into the path diagnostics show.
  var displayPath: @Sendable (String) -> String

  enum Resolution {
    case value(String)
    /// An unset variable under `--skip-env`: the placeholder is never sent anywhere.
    case placeholder(String)
    case failure(ruleID: String, message: String)
  }

  static let placeholderPrefix = "<unset environment variable "
  static func placeholder(for name: String) -> String { "\(placeholderPrefix)\(name)>" }

  func environmentValue(_ name: String, usedAt path: @autoclosure () -> String) -> Resolution {
    guard !name.isEmpty else {
      return .failure(
        ruleID: RuleID.wrongType, message: "`!env` needs a variable name, e.g. `!env SLACK_TOKEN`")
    }
    if let value = environment[name] { return .value(value) }
    if skipEnvironment { return .placeholder(Self.placeholder(for: name)) }
    let usedAt = path()
    let usage = usedAt.isEmpty ? "" : " (used by '\(usedAt)')"
    return .failure(
      ruleID: RuleID.envUnset,
      message:
        "environment variable \(name) is not set\(usage); set it, or pass --skip-env to lint without it")
  }

  func fileText(_ target: String) -> Resolution {
    guard !target.isEmpty else {
      return .failure(ruleID: RuleID.fileNotFound, message: "`!file` needs a path relative to this manifest")
    }
    // A pull request's manifest must not be able to print any file the runner can read.
    guard !target.hasPrefix("/") else {
      return .failure(
        ruleID: RuleID.fileOutsideDirectory,
        message: "'\(target)' is an absolute path; `!file` reads only files inside the manifest directory")
    }
    let resolved = ManifestPath.resolve(target, relativeTo: file)
    let shown = displayPath(resolved)
    guard resolved != "..", !resolved.hasPrefix("../") else {
      return .failure(
        ruleID: RuleID.fileOutsideDirectory,
        message: "'\(target)' leaves the manifest directory; `!file` reads only files inside it")
    }
    guard fileSystem.staysInside(resolved) else {
      return .failure(
        ruleID: RuleID.fileOutsideDirectory,
        message:
          "'\(shown)' is a link to a file outside the manifest directory; `!file` reads only files inside it")
    }
    do {
      let data: Data
      switch try fileSystem.contentsOfFile(resolved, limit: YAMLDocumentReader.maximumFileSize) {
      case .data(let contents):
        data = contents
      case .tooLarge(let size):
        return .failure(
          ruleID: RuleID.fileTooLarge, message: "'\(shown)' is \(size) bytes; files are limited to 10 MB")
      }
      guard var text = String(validating: data, as: UTF8.self) else {
        return .failure(ruleID: RuleID.fileNotFound, message: "cannot read '\(shown)': it is not UTF-8 text")
      }
      if text.last == "\n" || text.last == "\r\n" { text.removeLast() }
      return .value(text)
    } catch let error as ManifestFileError {
      return .failure(ruleID: RuleID.fileNotFound, message: "cannot read '\(shown)': \(error.reason)")
    } catch {
      return .failure(ruleID: RuleID.fileNotFound, message: "cannot read '\(shown)': \(error)")
    }
  }
}
