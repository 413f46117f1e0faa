import HogctlJSON

/// Values from command-line flags; they win over the environment and `hogctl.yaml`.
public struct SettingsOverrides: Sendable, Hashable {
  public var host: String?
  public var projectID: String?
  public var apiPath: ProjectSettings.APIPath?
  /// `--environment`: the entry of hogctl.yaml's `environments` to use instead of `project`.
  public var environment: String?

  public init(
    host: String? = nil, projectID: String? = nil, apiPath: ProjectSettings.APIPath? = nil,
    environment: String? = nil
  ) {
    self.host = host
    self.projectID = projectID
    self.apiPath = apiPath
    self.environment = environment
  }
}

/// `hogctl.yaml` as `ProjectSettings`, with precedence flag > environment > file > default.
enum SettingsBuilder {
  static let hostVariable = "POSTHOG_HOST"
  static let projectVariable = "POSTHOG_PROJECT_ID"
  static let environmentVariable = "HOGCTL_ENVIRONMENT"

  static func build(
    _ file: JSONObject, environment: [String: String], overrides: SettingsOverrides
  ) -> ProjectSettings {
    var settings = ProjectSettings()
    let nonEmpty = { (value: String?) in value.flatMap { $0.isEmpty ? nil : $0 } }
    var project = file["project"]
    // A named environment's members take the place of `project`'s; the flags and variables
    // below still win over both.
    if let name = nonEmpty(overrides.environment) ?? nonEmpty(environment[environmentVariable]) {
      settings.environment = name
      settings.knownEnvironments = file["environments"]?.objectValue?.keys.map { $0 } ?? []
      if let entry = file["environments"]?[name]?.objectValue {
        project = .object((project?.objectValue ?? [:]).merging(entry) { _, chosen in chosen })
      }
    }
    settings.host =
      nonEmpty(overrides.host) ?? nonEmpty(environment[hostVariable]) ?? project?["host"]?.stringValue
      ?? settings.host
    settings.projectID =
      nonEmpty(overrides.projectID) ?? nonEmpty(environment[projectVariable]) ?? project?["id"]?.stringValue
    settings.apiPath =
      overrides.apiPath ?? project?["api_path"]?.stringValue.flatMap(ProjectSettings.APIPath.init(rawValue:))
      ?? settings.apiPath
    if let manage = file["manage"] {
      if let types = manage["types"]?.arrayValue { settings.manageTypes = types.compactMap(\.stringValue) }
      settings.prune = manage["prune"]?.boolValue ?? settings.prune
      settings.ignore = manage["ignore"]?.arrayValue?.compactMap(\.stringValue) ?? settings.ignore
    }
    if let safety = file["safety"] {
      settings.maxDeletePercent = safety["max_delete_percent"]?.numberValue ?? settings.maxDeletePercent
      settings.maxUpdatePercent = safety["max_update_percent"]?.numberValue ?? settings.maxUpdatePercent
    }
    if let order = file["order"]?.objectValue {
      settings.order = order.dictionary.compactMapValues { $0.arrayValue?.compactMap(\.stringValue) }
    }
    return settings
  }
}
