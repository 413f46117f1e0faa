import Foundation
import HogctlJSON

/// One logical API call, which may take several attempts.
struct APICall: Sendable {
  var method: APIRequest.Method
  var url: URL
  var body: Data?
  /// Whether repeating the call cannot change the outcome (GET, PATCH, PUT, rearrange).
  var idempotent: Bool
  /// Set for creates: an ambiguous failure is then reported as `ambiguousCreate`.
  var createName: String?
  var context: RequestContext
  /// Secret values in the body, removed from traces and errors.
  var secrets: [String] = []
  var accept = "application/json"
}

extension PostHogClient {
  /// Sends a call with retries, rate limiting and redirects; returns a 2xx response or throws.
  func perform(_ call: APICall) async throws -> APIResponse {
    try await concurrency.withPermit { try await self.attempts(call) }
  }

  private func attempts(_ call: APICall) async throws -> APIResponse {
    let redactor = self.redactor.adding(secrets: call.secrets)
    var attempt = 1
    var method = call.method
    var body = call.body
    var url = call.url
    var sendKey = true
    var redirects = 0
    while true {
      try Task.checkCancellation()
      if let rateLimiter { try await rateLimiter.acquire() }
      let request = makeRequest(method: method, url: url, body: body, accept: call.accept, sendKey: sendKey)
      trace?(DebugTrace.request(request, redactor: redactor))
      let started = clock.now()
      let response: APIResponse
      do {
        response = try await transport.send(request)
        await rateLimiter?.answered()
      } catch let error as TransportError {
        trace?(DebugTrace.failure(error, for: request, redactor: redactor))
        let decision = settings.retryPolicy.decide(
          outcome: .transport(error), attempt: attempt, idempotent: call.idempotent, random: clock.random())
        if case .retry(let delay) = decision {
          trace?(DebugTrace.retry(after: delay, attempt: attempt, request: request, redactor: redactor))
          try await clock.sleep(delay)
          attempt += 1
          continue
        }
        if let name = call.createName, error.requestMayHaveBeenSent {
          throw APIError.ambiguousCreate(
            name: redactor.redact(name), reason: APIError.explain(error), context: call.context)
        }
        throw APIError.transport(error, context: call.context, attempts: attempt)
      }
      let elapsed = Int(((clock.now() - started) * 1000).rounded())
      trace?(DebugTrace.response(response, for: request, milliseconds: elapsed, redactor: redactor))

      if response.isSuccess { return response }
      if response.isRedirect, let location = response.header("Location") {
        redirects += 1
        guard redirects <= settings.maxRedirects else {
          throw APIError.tooManyRedirects(context: call.context)
        }
        guard let target = URL(string: location, relativeTo: url)?.absoluteURL else {
          throw APIError.untrustedURL(location, context: call.context)
        }
        if response.status == 303 {
          method = .get
          body = nil
        }
        if !HostPolicy.sameOrigin(target, settings.host) {
          // Another host may serve a public file, never see the key or a request body.
          guard method == .get else { throw APIError.untrustedURL(location, context: call.context) }
          try HostPolicy.check(target, insecureHTTP: settings.insecureHTTP)
          sendKey = false
        }
        url = target
        continue
      }

      let failure = HTTPFailure(
        response: response, context: call.context, redactor: redactor, attempts: attempt)
      if response.status == 429 { await rateLimiter?.throttled(retryAfter: failure.retryAfter) }
      let decision = settings.retryPolicy.decide(
        outcome: .status(response.status, retryAfter: failure.retryAfter), attempt: attempt,
        idempotent: call.idempotent, random: clock.random())
      if case .retry(let delay) = decision {
        trace?(DebugTrace.retry(after: delay, attempt: attempt, request: request, redactor: redactor))
        try await clock.sleep(delay)
        attempt += 1
        continue
      }
      if let name = call.createName, response.status >= 500 {
        throw APIError.ambiguousCreate(
          name: redactor.redact(name), reason: "the server answered \(response.status)",
          context: call.context)
      }
      throw APIError.http(failure)
    }
  }

  private func makeRequest(
    method: APIRequest.Method, url: URL, body: Data?, accept: String, sendKey: Bool
  ) -> APIRequest {
    var headers = ["User-Agent": settings.userAgent, "Accept": accept]
    if sendKey { headers["Authorization"] = "Bearer \(settings.apiKey)" }
    if body != nil { headers["Content-Type"] = "application/json" }
    return APIRequest(
      method: method, url: url, headers: headers, body: body, timeout: settings.requestTimeout)
  }

  // MARK: Decoding

  func sendJSON(_ call: APICall, dropping: JSONDropList = .none) async throws -> JSONValue {
    let response = try await perform(call)
    if response.body.isEmpty { return .null }
    do {
      return try JSONValue.parse(response.body, dropping: dropping)
    } catch {
      throw APIError.invalidResponse(
        reason: "not JSON: \(HTTPFailure.snippet(of: response.body, limit: 80))", context: call.context)
    }
  }

  func sendObject(_ call: APICall, dropping: JSONDropList = .none) async throws -> JSONObject {
    let json = try await sendJSON(call, dropping: dropping)
    guard let object = json.objectValue else {
      throw APIError.invalidResponse(
        reason: "expected an object, got \(json.typeName)", context: call.context)
    }
    return object
  }

  func sendArray(_ call: APICall) async throws -> [JSONValue] {
    let json = try await sendJSON(call)
    guard let array = json.arrayValue else {
      throw APIError.invalidResponse(reason: "expected a list, got \(json.typeName)", context: call.context)
    }
    return array
  }

  /// `listed`: the object comes from a list page parsed with `HogFunction.unreadInListPages`.
  func hogFunction(from object: JSONObject, context: RequestContext, listed: Bool = false) throws
    -> HogFunction
  {
    guard object["id"]?.stringValue != nil else {
      throw APIError.invalidResponse(reason: "a hog function without an id", context: context)
    }
    return listed ? HogFunction(listed: object) : HogFunction(raw: object)
  }
}
