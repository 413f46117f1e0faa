import Foundation
import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler

extension Importer {
  /// Loads the written manifests as `plan` would (secrets as placeholders) and plans them
  /// against the live functions they came from: every problem found, empty when the import
  /// plans as no change. No API call is made.
  public static func check(_ output: ImportOutput, live: [HogFunction], templates: JSONObject) throws
    -> [String]
  {
    var texts = [settingsPath: output.settings]
    for file in output.files { texts[file.path] = file.text }
    let result = try ManifestLoader(
      fileSystem: InMemoryManifestFileSystem(texts: texts), environment: [:],
      options: ManifestLoadOptions(skipEnvironment: true)
    ).load()
    // The order may name functions other manifests of the directory declare, not loaded here.
    let errors = result.diagnostics.filter { $0.severity == .error && $0.ruleID != "order-unknown-function" }
    if !errors.isEmpty {
      return errors.map { error in
        let place = error.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
        return "\(place)[\(error.ruleID)] \(error.message)"
      }
    }
    var settings = result.settings
    settings.prune = false
    do {
      let plan = try Planner.plan(
        desired: result.functions, settings: settings, live: live, templates: templates,
        options: PlanOptions(force: true))
      return plan.actions.map { action in
        if action.kind == .reorder { return "the transformations' order would change" }
        let fields = action.changes.map(\.path).joined(separator: ", ")
        return "\"\(action.name)\" would \(action.kind.rawValue)" + (fields.isEmpty ? "" : ": \(fields)")
      }
    } catch {
      return ["\(error)"]
    }
  }

  /// `.env.example`: the variables to set, one `NAME=` line each with what it is for; the
  /// lines of an existing file are kept and only new names added.
  public static func environmentExample(_ variables: [SecretVariable], existing: String?) -> String {
    var text =
      existing ?? """
        # Secret inputs of the imported hog functions. PostHog never returns their values: set
        # each variable before `hogctl plan` / `hogctl apply`. Never commit the values.

        """
    if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
    let known = Set(
      text.split(separator: "\n").compactMap { line -> String? in
        line.hasPrefix("#") ? nil : line.split(separator: "=", maxSplits: 1).first.map(String.init)
      })
    for variable in variables where !known.contains(variable.name) {
      text += "# \(variable.type) \"\(variable.function)\", \(variable.input)\n\(variable.name)=\n"
    }
    return text
  }
}
