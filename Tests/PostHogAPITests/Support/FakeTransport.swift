import Foundation
import HogctlCore
import HogctlJSON
import PostHogAPI

/// Answers requests from a script (or a handler) and records every request it saw.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
  enum Step {
    case respond(APIResponse)
    case fail(TransportError)
  }

  private let lock = NSLock()
  private var script: [Step]
  private var handler: (@Sendable (APIRequest) throws -> APIResponse)?
  private var recorded: [APIRequest] = []

  init(_ script: [Step] = [], handler: (@Sendable (APIRequest) throws -> APIResponse)? = nil) {
    self.script = script
    self.handler = handler
  }

  var requests: [APIRequest] { lock.withLock { recorded } }

  func send(_ request: APIRequest) async throws -> APIResponse {
    let step: Step? = lock.withLock {
      recorded.append(request)
      return script.isEmpty ? nil : script.removeFirst()
    }
    switch step {
    case .respond(let response): return response
    case .fail(let error): throw error
    case nil:
      guard let handler else { throw TransportError.other("no scripted answer left") }
      return try handler(request)
    }
  }
}

extension APIResponse {
  static func json(_ status: Int, _ value: JSONValue, headers: [String: String] = [:]) -> APIResponse {
    APIResponse(
      status: status, headers: headers.merging(["Content-Type": "application/json"]) { first, _ in first },
      body: value.serializedData())
  }

  static func posthogError(
    _ status: Int, type: String, code: String, detail: String, attr: String? = nil,
    headers: [String: String] = [:]
  ) -> APIResponse {
    json(
      status,
      [
        "type": .string(type), "code": .string(code), "detail": .string(detail),
        "attr": attr.map { .string($0) } ?? .null,
      ],
      headers: headers)
  }
}

enum TestSettings {
  static let apiKey = "phx_testkey_0123456789abcdef"
  static let host = URL(string: "https://posthog.example.com")!

  static func settings(
    pageSize: Int = 1000, rateLimit: RateLimit? = nil, retry: RetryPolicy = .default
  ) -> ClientSettings {
    ClientSettings(
      host: host, projectID: "7", apiKey: apiKey, pageSize: pageSize, rateLimit: rateLimit,
      retryPolicy: retry)
  }

  static func client(
    _ transport: FakeTransport, clock: ManualClock = ManualClock(), pageSize: Int = 1000,
    rateLimit: RateLimit? = nil, trace: DebugTraceSink? = nil
  ) throws -> PostHogClient {
    try PostHogClient(
      settings: settings(pageSize: pageSize, rateLimit: rateLimit), transport: transport,
      clock: clock.clock, trace: trace)
  }
}

/// The raw JSON of a stored function, as PostHog answers it.
func functionJSON(id: String, name: String, type: String = "destination") -> JSONValue {
  ["id": .string(id), "name": .string(name), "type": .string(type), "enabled": true, "hog": "return event"]
}

extension URL {
  /// The path with its trailing slash (Foundation's `path` drops it).
  var fullPath: String {
    URLComponents(url: self, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? path
  }
}
