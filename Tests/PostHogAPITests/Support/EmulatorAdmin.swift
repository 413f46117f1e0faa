import Emulator
import Foundation
import HogctlJSON
import PostHogAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The emulator's admin API (`/_emulator/`, no auth), spoken with raw JSON.
struct EmulatorAdmin {
  let emulator: RunningEmulator

  @discardableResult
  func post(_ path: String, _ body: JSONValue) async throws -> JSONValue {
    try await send("POST", path, body)
  }

  func stats() async throws -> JSONValue { try await send("GET", "stats", nil) }

  func resetStats() async throws { _ = try await send("DELETE", "stats", nil) }

  /// Requests counted for one `METHOD /route/template/`.
  func count(_ route: String) async throws -> Int {
    try await stats()["requests"]?[route]?.intValue ?? 0
  }

  func total() async throws -> Int { try await stats()["total"]?.intValue ?? 0 }

  func seedFunctions(_ count: Int, type: String = "destination") async throws {
    guard count > 0 else { return }
    let functions = (0..<count).map { index -> JSONValue in
      ["name": .string("seeded \(index)"), "type": .string(type), "hog": "return event"]
    }
    try await post("seed", ["functions": .array(functions)])
  }

  private func send(_ method: String, _ path: String, _ body: JSONValue?) async throws -> JSONValue {
    var request = URLRequest(url: emulator.baseURL.appendingPathComponent("_emulator/\(path)"))
    request.httpMethod = method
    request.httpBody = body?.serializedData()
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard (200..<300).contains(status) else {
      throw APIError.unsupported(
        "admin \(method) \(path) answered \(status): \(String(decoding: data, as: UTF8.self))")
    }
    return data.isEmpty ? .null : try JSONValue.parse(data)
  }
}

/// Starts an emulator, runs `body` with it and a client for it, then stops it.
func withEmulator<T>(
  _ configuration: EmulatorConfiguration = EmulatorConfiguration(port: 0, rateLimit: nil),
  client customize: (inout ClientSettings) -> Void = { _ in },
  _ body: (RunningEmulator, PostHogClient, EmulatorAdmin) async throws -> T
) async throws -> T {
  let emulator = try await startEmulator(configuration)
  do {
    var settings = ClientSettings(
      host: emulator.baseURL, projectID: String(emulator.projectID), apiKey: emulator.apiKey,
      retryPolicy: RetryPolicy(maxAttempts: 5, baseDelay: 0.05, maxDelay: 0.5))
    customize(&settings)
    let client = try PostHogClient(settings: settings)
    let result = try await body(emulator, client, EmulatorAdmin(emulator: emulator))
    await emulator.shutdown()
    return result
  } catch {
    await emulator.shutdown()
    throw error
  }
}
