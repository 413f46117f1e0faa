import Emulator
import Foundation
import Manifests
import PostHogAPI

/// An open connection to PostHog, or to the embedded emulator, for one command.
struct APISession {
  let api: PostHogClient
  /// Where the session points, for messages: the host, or "the embedded emulator".
  let target: String
  /// Where requests go, for the first line of plan and apply: host, project and API path.
  var pointing: String { "\(target), project \(projectID) (/api/\(apiPath)/\(projectID)/)" }
  let projectID: String
  let apiPath: String
  /// The API key, which the plan treats as sensitive wherever it might appear.
  let apiKey: String
  private let emulator: RunningEmulator?

  static let emulatorStatePath = ".hogctl/emulator.json"

  /// Opens the session. `secretValues` are redacted from every error and trace.
  static func open(
    _ options: ConnectionOptions, settings: ProjectSettings, secretValues: [String],
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws -> APISession {
    let trace: DebugTraceSink? = options.debug ? { @Sendable line in Terminal.error(line) } : nil
    if options.emulator {
      try FileManager.default.createDirectory(
        atPath: ".hogctl", withIntermediateDirectories: true)
      let emulator = try await startEmulator(
        EmulatorConfiguration(
          host: "127.0.0.1", port: 0, statePath: emulatorStatePath, rateLimit: nil))
      let client = ClientSettings(
        host: emulator.baseURL, projectID: String(emulator.projectID), apiKey: emulator.apiKey,
        apiPath: ClientSettings.APIPath(rawValue: settings.apiPath.rawValue) ?? .environments,
        parallelism: options.parallelism, rateLimit: nil, secretValues: secretValues)
      Terminal.protect(values: [], apiKey: emulator.apiKey)
      return APISession(
        api: try PostHogClient(settings: client, trace: trace),
        target: "the embedded emulator (\(emulatorStatePath))", projectID: String(emulator.projectID),
        apiPath: client.apiPath.rawValue, apiKey: emulator.apiKey, emulator: emulator)
    }
    try settings.checkEnvironment()
    let key = try readAPIKey(options, environment: environment)
    Terminal.protect(values: [], apiKey: key)
    guard let projectID = settings.projectID, !projectID.isEmpty else {
      throw CommandError(
        "No project id: set project.id in hogctl.yaml, POSTHOG_PROJECT_ID, or --project "
          + "(or use --emulator).")
    }
    guard let host = URL(string: settings.host), host.scheme != nil else {
      throw CommandError("'\(settings.host)' is not a usable PostHog host URL.")
    }
    let client = ClientSettings(
      host: host, projectID: projectID, apiKey: key,
      apiPath: ClientSettings.APIPath(rawValue: settings.apiPath.rawValue) ?? .environments,
      parallelism: options.parallelism, rateLimit: options.rateLimit.limit,
      insecureHTTP: options.insecureHTTP,
      secretValues: secretValues)
    return APISession(
      api: try PostHogClient(settings: client, trace: trace), target: host.absoluteString,
      projectID: projectID, apiPath: client.apiPath.rawValue, apiKey: key, emulator: nil)
  }

  /// `--api-key-file` wins over POSTHOG_PERSONAL_API_KEY; the key itself is never printed.
  static func readAPIKey(_ options: ConnectionOptions, environment: [String: String]) throws -> String {
    var file: (path: String, contents: String)?
    if let path = options.apiKeyFile {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandError("Cannot read the API key file '\(path)'.")
      }
      file = (path, String(decoding: data, as: UTF8.self))
    }
    return try APIKeySource.resolve(file: file, environment: environment)
  }

  func close() async {
    await emulator?.shutdown()
  }
}

/// A command failure with a message for the user; exits 1.
struct CommandError: Error, CustomStringConvertible, LocalizedError {
  var description: String
  init(_ description: String) { self.description = description }
  var errorDescription: String? { description }
}
