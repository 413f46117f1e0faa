import ArgumentParser
import Foundation
import HogctlJSON
import Importer
import Manifests
import PostHogAPI
import Rendering

/// `hogctl import`: the live functions of a project as manifests that plan as no change.
struct ImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Write manifests for the live hog functions of a project.",
    discussion: """
      Lists the live functions once (deleted ones are left out) and writes one YAML file per \
      function under DIR/<type>s/, named from its name, with multi-line code in a .hog file beside \
      it; merges the transformation order and manage.types into DIR/hogctl.yaml. Secret inputs \
      become !env variables, listed on output and in DIR/.env.example (names only: PostHog never \
      returns secret values). Existing files are not overwritten unless --force; importing an \
      unchanged project again changes no file. Exit codes: 0 success, 1 error or files left \
      unwritten, 64 bad usage.
      """)

  @Option(
    name: .customLong("out"),
    help: ArgumentHelp("The manifest directory to write into; created when missing.", valueName: "dir"))
  var directory: String = "."

  @Option(
    name: .customLong("type"),
    help: ArgumentHelp(
      "A function type to import (repeatable). Default: manage.types of DIR/hogctl.yaml, else every type.",
      valueName: "type"))
  var types: [String] = []

  @Option(
    name: .customLong("name"),
    help: ArgumentHelp(
      "Import only functions whose name matches this glob (* and ?; repeatable).", valueName: "glob"))
  var names: [String] = []

  @Option(
    name: .customLong("id"),
    help: ArgumentHelp("Import only the function with this id (repeatable).", valueName: "id"))
  var ids: [String] = []

  @Flag(help: "Overwrite existing files whose content differs.")
  var force = false

  @Flag(
    name: .customLong("pin-ids"),
    help:
      "Write each function's id into its manifest (ties the directory to this project; not for promotion).")
  var pinIDs = false

  @Option(
    help: ArgumentHelp(
      "Where hogctl's schemas/ folder is, relative to DIR (or a URL), for the editor modelines.",
      valueName: "path"))
  var schemas: String = "schemas"

  @OptionGroup var connection: ConnectionOptions

  func validate() throws {
    for type in types where !Importer.allTypes.contains(type) {
      throw ValidationError(
        "--type \(type) is not a hog function type; use one of \(Importer.allTypes.joined(separator: ", ")).")
    }
  }

  func run() async throws {
    let output = ImportDirectory(path: directory)
    let settingsText = try output.read(Importer.settingsPath)
    let settings = try loadSettings(settingsText)
    let request = ImportRequest(
      types: types, names: names, ids: ids, pinIDs: pinIDs, schemas: schemas,
      project: connection.emulator
        ? []
        : [
          ("host", settings.host), ("id", settings.projectID ?? ""), ("api_path", settings.apiPath.rawValue),
        ]
        .filter { !$0.1.isEmpty })
    let listTypes = try Importer.types(for: request, settings: settingsText)
    let session = try await APISession.open(connection, settings: settings, secretValues: [])
    let live: (functions: [HogFunction], templates: JSONObject)
    do {
      live = try await session.api.listHogFunctionsWithTemplates(types: listTypes)
      await session.close()
    } catch {
      await session.close()
      throw error
    }
    let result = try Importer.run(
      live: live.functions, templates: live.templates, request: request, settings: settingsText,
      declared: try declaredFunctions())
    for warning in result.warnings { Terminal.error("warning: \(warning)") }
    for problem in try Importer.check(result, live: live.functions, templates: live.templates) {
      Terminal.error("warning: the imported manifests would not plan as no change: \(problem)")
    }
    var report = try output.write(result.files, force: force)
    report.record(
      Importer.settingsPath, try output.write(Importer.settingsPath, result.settings, force: true))
    let example = try output.read(ImportDirectory.environmentExample)
    if !result.variables.isEmpty || example != nil {
      let text = Importer.environmentExample(result.variables, existing: example)
      report.record(
        ImportDirectory.environmentExample,
        try output.write(ImportDirectory.environmentExample, text, force: true))
    }
    Terminal.output(report.summary(functions: result.imported.count, directory: directory))
    if !result.variables.isEmpty {
      var lines = ["Secret inputs (PostHog never returns their values); set these before plan or apply:"]
      for variable in result.variables {
        lines.append("  \(variable.name)  \(variable.type) \"\(variable.function)\" \(variable.input)")
      }
      lines.append("The names are also in \(output.display(ImportDirectory.environmentExample)).")
      Terminal.output(lines.joined(separator: "\n") + "\n")
    }
    if !report.conflicts.isEmpty {
      Terminal.error(
        "error: \(report.conflicts.count) existing file(s) differ from the import and were left as they are "
          + "(use --force to overwrite):\n"
          + report.conflicts.map { "  \(output.display($0))" }.joined(separator: "\n"))
      throw ExitCode.failure
    }
  }

  /// The functions the directory's manifests already declare, by name, with their files. The
  /// manifests are read leniently (secrets unset, errors ignored): only names and files matter.
  private func declaredFunctions() throws -> [String: String] {
    guard FileManager.default.fileExists(atPath: directory) else { return [:] }
    let result = try ManifestLoader(
      fileSystem: DiskManifestFileSystem(root: URL(fileURLWithPath: directory, isDirectory: true)),
      environment: [:], options: ManifestLoadOptions(skipEnvironment: true)
    ).load()
    return Dictionary(
      result.functions.map { ($0.name, $0.location.file) }, uniquingKeysWith: { first, _ in first })
  }

  /// hogctl.yaml alone, with the environment and flags applied; its errors stop the import.
  private func loadSettings(_ text: String?) throws -> ProjectSettings {
    let result = try ManifestLoader(
      fileSystem: InMemoryManifestFileSystem(texts: text.map { [Importer.settingsPath: $0] } ?? [:]),
      environment: ProcessInfo.processInfo.environment,
      options: ManifestLoadOptions(
        skipEnvironment: true, overrides: connection.overrides, displayPrefix: prefix)
    ).load()
    // Alone, hogctl.yaml's order names functions no manifest declares: those rules need the rest.
    let errors = result.diagnostics.filter { $0.severity == .error && !$0.ruleID.hasPrefix("order-") }
    if !errors.isEmpty {
      Terminal.error(
        DiagnosticRenderer.text(errors, sources: result.sources, summary: ValidationSummary(result)))
      throw ExitCode.failure
    }
    return result.settings
  }

  private var prefix: String {
    directory == "." ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
  }
}
