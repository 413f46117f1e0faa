import ArgumentParser
import Manifests
import Rendering

/// `hogctl validate [DIR]`: checks manifests offline and prints every problem at once.
struct ValidateCommand: AsyncParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a manifest directory offline, without calling PostHog.",
    discussion: """
      Prints every problem as `file:line:col: error: [rule-id] message` with the source line and a caret, \
      then a summary. Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors found \
      (or warnings with --strict) or the directory cannot be read, 64 bad usage.
      """)

  @OptionGroup var manifests: ManifestOptions

  @Flag(help: "Treat warnings as errors: exit 1 when there is any warning.")
  var strict = false

  @Option(help: "Output format: text (compiler-style, with source lines) or json (for tools).")
  var format: Format = .text

  func run() async throws {
    let result = try manifests.load()
    let summary = ValidationSummary(result)
    switch format {
    case .text:
      print(
        DiagnosticRenderer.text(result.diagnostics, sources: result.sources, summary: summary), terminator: ""
      )
    case .json: print(DiagnosticRenderer.json(result.diagnostics, summary: summary), terminator: "")
    }
    if result.hasErrors || (strict && result.warningCount > 0) {
      throw ExitCode.failure
    }
  }
}
