import Emulator
import Foundation
import HogctlJSON
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A live emulator on an ephemeral port, with raw-JSON access to its admin API.
struct EmulatorHarness {
  let emulator: RunningEmulator
  /// Its own session, closed before the emulator stops so no idle connection delays shutdown.
  let session = URLSession(configuration: .ephemeral)

  static func start(faultRate: Double = 0, seed: UInt64? = nil, statePath: String? = nil)
    async throws -> EmulatorHarness
  {
    let emulator = try await startEmulator(
      EmulatorConfiguration(
        port: 0, statePath: statePath, rateLimit: nil, faultRate: faultRate, seed: seed))
    return EmulatorHarness(emulator: emulator)
  }

  /// Flags and environment that point the binary at this emulator.
  var connectionArguments: [String] {
    ["--host", emulator.baseURL.absoluteString, "--project", String(emulator.projectID)]
  }

  var environment: [String: String] { ["POSTHOG_PERSONAL_API_KEY": emulator.apiKey] }

  func stats() async throws -> JSONValue {
    try await request("GET", "/_emulator/stats")
  }

  func resetStats() async throws {
    _ = try await request("DELETE", "/_emulator/stats")
  }

  /// How many requests matched `METHOD /route/template/` since the last reset.
  func count(_ route: String) async throws -> Int {
    try await stats()["requests"]?[route]?.intValue ?? 0
  }

  func totalRequests() async throws -> Int {
    try await stats()["total"]?.intValue ?? 0
  }

  /// Every live function, as the API lists it (`full=true`).
  func liveFunctions() async throws -> [JSONValue] {
    let path =
      "/api/projects/\(emulator.projectID)/hog_functions/?full=true&limit=10000"
      + "&type=destination,site_destination,internal_destination,source_webhook,site_app,transformation"
    return try await request("GET", path, authorized: true)["results"]?.arrayValue ?? []
  }

  /// A raw API call with the emulator's key.
  @discardableResult
  func request(_ method: String, _ path: String, body: JSONValue? = nil, authorized: Bool = false)
    async throws -> JSONValue
  {
    var request = URLRequest(url: URL(string: emulator.baseURL.absoluteString + path)!)
    request.httpMethod = method
    if authorized || !path.hasPrefix("/_emulator") {
      request.setValue("Bearer \(emulator.apiKey)", forHTTPHeaderField: "Authorization")
    }
    if let body {
      request.httpBody = body.serializedData()
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, _) = try await session.data(for: request)
    return data.isEmpty ? .null : try JSONValue.parse(data)
  }

  func stop() async {
    session.invalidateAndCancel()
    await emulator.shutdown()
  }
}
