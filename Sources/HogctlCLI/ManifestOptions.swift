import ArgumentParser
import Foundation
import Manifests

/// The manifest directory and how to read it; shared by validate, plan and apply.
struct ManifestOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "The manifest directory. Every *.yaml and *.yml file below it is read (hidden files and folders are skipped); hogctl.yaml at its top holds the project settings.",
      valueName: "dir"))
  var directory: String = "."

  @Flag(
    name: .customLong("skip-env"),
    help:
      "Do not fail on unset !env variables: use a placeholder instead (for linting in CI without secrets). Placeholders are never sent to PostHog."
  )
  var skipEnvironment = false

  /// Reads and checks the directory. `environment` defaults to the process environment.
  func load(
    overrides: SettingsOverrides = .init(),
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> ManifestLoadResult {
    let trimmed = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
    let prefix = trimmed == "." ? "" : trimmed + "/"
    let loader = ManifestLoader(
      fileSystem: DiskManifestFileSystem(root: URL(fileURLWithPath: trimmed, isDirectory: true)),
      environment: environment,
      options: ManifestLoadOptions(
        skipEnvironment: skipEnvironment, overrides: overrides, displayPrefix: prefix))
    return try loader.load()
  }
}
