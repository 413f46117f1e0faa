import Manifests
import Testing

/// `environments` in hogctl.yaml, chosen with `--environment` or `HOGCTL_ENVIRONMENT`.
@Suite struct EnvironmentSettingsTests {
  static let settings = """
    version: 1
    project: {host: https://us.posthog.com, id: "1", api_path: projects}
    environments:
      staging: {id: "2"}
      production: {host: https://eu.posthog.com, id: "3"}

    """

  func load(_ environment: [String: String] = [:], overrides: SettingsOverrides = .init()) throws
    -> ManifestLoadResult
  {
    try ManifestLoader(
      fileSystem: InMemoryManifestFileSystem(texts: ["hogctl.yaml": Self.settings]), environment: environment,
      options: ManifestLoadOptions(overrides: overrides)
    ).load()
  }

  @Test func anEnvironmentTakesThePlaceOfProject() throws {
    let production = try load(overrides: SettingsOverrides(environment: "production"))
    #expect(production.diagnostics.isEmpty)
    #expect(production.settings.host == "https://eu.posthog.com")
    #expect(production.settings.projectID == "3")
    #expect(production.settings.apiPath == .projects, "members an environment leaves out come from project")
    let staging = try load(["HOGCTL_ENVIRONMENT": "staging"])
    #expect(staging.settings.projectID == "2")
    #expect(staging.settings.host == "https://us.posthog.com")
    try staging.settings.checkEnvironment()
  }

  @Test func flagsAndVariablesStillWin() throws {
    let result = try load(
      ["HOGCTL_ENVIRONMENT": "staging", "POSTHOG_PROJECT_ID": "9"],
      overrides: SettingsOverrides(environment: "production"))
    #expect(result.settings.environment == "production")
    #expect(result.settings.projectID == "9")
  }

  @Test func withoutAnEnvironmentProjectIsUsed() throws {
    let result = try load()
    #expect(result.settings.projectID == "1")
    #expect(result.settings.environment == nil)
  }

  @Test func anUndefinedEnvironmentIsAnError() throws {
    let result = try load(overrides: SettingsOverrides(environment: "prod"))
    #expect(throws: UndefinedEnvironment.self) { try result.settings.checkEnvironment() }
    do {
      try result.settings.checkEnvironment()
    } catch {
      #expect(error.description.contains("production, staging"))
    }
  }
}
