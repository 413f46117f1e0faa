/// How to load a manifest directory.
public struct ManifestLoadOptions: Sendable {
  /// Unset `!env` variables become placeholders instead of errors (`--skip-env`).
  public var skipEnvironment: Bool
  public var overrides: SettingsOverrides
  /// Put before directory-relative paths in diagnostics, e.g. `examples/quickstart/`.
  public var displayPrefix: String

  public init(
    skipEnvironment: Bool = false, overrides: SettingsOverrides = .init(), displayPrefix: String = ""
  ) {
    self.skipEnvironment = skipEnvironment
    self.overrides = overrides
    self.displayPrefix = displayPrefix
  }
}
