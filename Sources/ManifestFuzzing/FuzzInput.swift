import Foundation
import Manifests

/// How one fuzz input becomes a manifest directory, shared by the fuzz target in Fuzz/ and the
/// regression tests that replay its findings. The bytes are split on `0xFF` (never part of
/// UTF-8 text, so it cannot collide with a meaningful byte of a file) into up to four files:
///
///   function.yaml, 0xFF, hogctl.yaml, 0xFF, code.hog, 0xFF, more/second.yaml
///
/// Later parts are optional; separators after the third stay in the last file.
public enum FuzzInput {
  public static let separator: UInt8 = 0xFF
  public static let fileNames = ["function.yaml", "hogctl.yaml", "code.hog", "more/second.yaml"]

  /// A fixed environment: some variables set, one set to the empty string.
  public static let environment = [
    "SLACK_TOKEN": "xoxb-fuzz", "WEBHOOK_SIGNING_SECRET": "s3cret", "POSTHOG_HOST": "https://eu.posthog.com",
    "EMPTY": "",
  ]

  public static func fileSystem(for bytes: some Collection<UInt8>) -> InMemoryManifestFileSystem {
    let parts = Array(bytes).split(
      separator: separator, maxSplits: fileNames.count - 1, omittingEmptySubsequences: false)
    var files: [String: Data] = [:]
    for (name, part) in zip(fileNames, parts) {
      files[name] = Data(part)
    }
    return InMemoryManifestFileSystem(files: files)
  }
}
