/// What loading a manifest directory produced. Any error-severity diagnostic means the
/// functions must not be planned or applied.
public struct ManifestLoadResult: Sendable {
  public var functions: [DesiredFunction]
  public var settings: ProjectSettings
  /// Sorted by file, line and column.
  public var diagnostics: [Diagnostic]
  /// The text of every manifest with a diagnostic, by the path diagnostics show, for rendering
  /// source lines.
  public var sources: [String: String]
  /// The YAML files read (function manifests and `hogctl.yaml`), as diagnostics show them.
  public var files: [String]
  /// `!env` variables left unset under `--skip-env`: their placeholders must never be sent.
  public var unresolvedEnvironment: [String]
  /// Every value an `!env` tag gave, in any manifest or `hogctl.yaml`: never to be printed.
  public var sensitiveValues: [String]

  public init(
    functions: [DesiredFunction], settings: ProjectSettings, diagnostics: [Diagnostic],
    sources: [String: String],
    files: [String], unresolvedEnvironment: [String], sensitiveValues: [String] = []
  ) {
    self.sensitiveValues = sensitiveValues
    self.functions = functions
    self.settings = settings
    self.diagnostics = diagnostics
    self.sources = sources
    self.files = files
    self.unresolvedEnvironment = unresolvedEnvironment
  }

  public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
  public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
  public var hasErrors: Bool { errorCount > 0 }
}
