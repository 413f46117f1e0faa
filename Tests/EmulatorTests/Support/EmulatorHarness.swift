import Foundation
import HogctlCore
import HogctlJSON
import Testing

@testable import Emulator

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP exchange as the wire carried it.
struct HTTPResult: Sendable {
  let status: Int
  let headers: [String: String]
  let body: Data

  var text: String { String(decoding: body, as: UTF8.self) }
  /// The body as JSON; `.null` with a recorded issue when it is not JSON.
  var json: JSONValue {
    do { return try JSONValue.parse(body) } catch {
      Issue.record("body is not JSON: \(text)")
      return .null
    }
  }
  func header(_ name: String) -> String? {
    headers.first { $0.key.lowercased() == name.lowercased() }?.value
  }
}

/// A plain URLSession client speaking raw JSON text to a running emulator.
struct RawClient: Sendable {
  let emulator: RunningEmulator
  let session: URLSession
  var key: String?
  var prefix: String

  init(_ emulator: RunningEmulator, key: String? = nil, session: URLSession = RawClient.freshSession()) {
    self.emulator = emulator
    self.session = session
    self.key = key ?? emulator.apiKey
    self.prefix = "/api/environments/\(emulator.projectID)/hog_functions/"
  }

  static func freshSession() -> URLSession {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = 30
    configuration.httpMaximumConnectionsPerHost = 16
    return URLSession(configuration: configuration)
  }

  func with(key: String?) -> RawClient {
    var copy = self
    copy.key = key
    return copy
  }

  /// Sends `body` (raw JSON text) to `path` (absolute, or relative to the hog_functions prefix).
  func send(
    _ method: String, _ path: String = "", _ body: String? = nil, headers: [String: String] = [:]
  ) async throws -> HTTPResult {
    let fullPath = path.hasPrefix("/") ? path : prefix + path
    var request = URLRequest(url: URL(string: emulator.baseURL.absoluteString + fullPath)!)
    request.httpMethod = method
    if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
    if let body {
      request.httpBody = Data(body.utf8)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await session.data(for: request)
    let http = response as! HTTPURLResponse
    var fields: [String: String] = [:]
    for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
    return HTTPResult(status: http.statusCode, headers: fields, body: data)
  }

  func get(_ path: String = "") async throws -> HTTPResult { try await send("GET", path) }
  func post(_ path: String = "", _ body: String) async throws -> HTTPResult {
    try await send("POST", path, body)
  }
  func patch(_ path: String, _ body: String) async throws -> HTTPResult {
    try await send("PATCH", path, body)
  }

  /// Creates a function and returns its id; records an issue unless the answer is 201.
  func create(_ body: String) async throws -> String {
    let result = try await post("", body)
    #expect(result.status == 201, "create failed: \(result.text)")
    return result.json["id"]?.stringValue ?? ""
  }

  func admin(_ method: String, _ path: String, _ body: String? = nil) async throws -> HTTPResult {
    try await with(key: nil).send(method, "/_emulator/" + path, body)
  }
}

extension EmulatorConfiguration {
  /// Port 0, one known key, no rate limit unless asked.
  static func test(
    keys: [APIKey] = [.init(key: "phx_test_all", scope: .all)], rateLimit: RateLimit? = nil,
    statePath: String? = nil, faultRate: Double = 0, seed: UInt64? = 7,
    latency: ClosedRange<Int>? = nil
  ) -> EmulatorConfiguration {
    EmulatorConfiguration(
      host: "127.0.0.1", port: 0, projectID: 1, statePath: statePath, apiKeys: keys,
      rateLimit: rateLimit, latencyMilliseconds: latency, faultRate: faultRate, seed: seed)
  }
}

/// Runs `body` against a fresh emulator on an ephemeral port and shuts it down afterwards.
func withEmulator(
  _ configuration: EmulatorConfiguration = .test(), _ body: (RawClient) async throws -> Void
) async throws {
  let emulator = try await startEmulator(configuration)
  do {
    try await body(RawClient(emulator))
  } catch {
    await emulator.shutdown()
    throw error
  }
  await emulator.shutdown()
}

/// Parses a JSON literal written in a test.
func raw(_ text: String) -> JSONValue {
  do { return try JSONValue.parse(text) } catch {
    Issue.record("bad JSON literal in test: \(text)")
    return .null
  }
}

/// A minimal valid create body.
func destination(_ name: String = "Webhook", extra: String = "") -> String {
  #"{"name": "\#(name)", "type": "destination", "hog": "fetch(inputs.url)"\#(extra)}"#
}

func transformation(_ name: String, enabled: Bool = true, extra: String = "") -> String {
  #"{"name": "\#(name)", "type": "transformation", "enabled": \#(enabled), "hog": "return event"\#(extra)}"#
}

func temporaryPath(_ name: String) -> String {
  FileManager.default.temporaryDirectory
    .appendingPathComponent("hogctl-emulator-\(UUID().uuidString)-\(name)").path
}

extension JSONValue {
  /// Array element lookup; `nil` out of range or for non-arrays.
  subscript(index: Int) -> JSONValue? {
    guard let array = arrayValue, array.indices.contains(index) else { return nil }
    return array[index]
  }
}
