import Foundation
import HogctlJSON
import Hummingbird

/// Personal API key auth for `/api/`: the Bearer key, its scope, the project id in the path, then
/// the per-key rate limit, in the order PostHog checks them.
struct AuthMiddleware: RouterMiddleware {
  typealias Context = EmulatorRequestContext
  let services: EmulatorServices

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let path = request.uri.path
    guard path.hasPrefix("/api/") || path == "/api" else { return try await next(request, context) }

    guard let header = request.headers[.authorization], !header.isEmpty else {
      return JSONResponse.error(
        Self.authError("not_authenticated", "Authentication credentials were not provided."))
    }
    let parts = header.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer",
      let scope = services.keys[String(parts[1]).trimmingCharacters(in: .whitespaces)]
    else {
      return JSONResponse.error(
        Self.authError(
          "authentication_failed", "Personal API key found in request Authorization header is invalid."))
    }
    let key = String(parts[1]).trimmingCharacters(in: .whitespaces)

    let needsWrite = !["GET", "HEAD", "OPTIONS"].contains(request.method.rawValue)
    if needsWrite && scope == .read {
      return JSONResponse.make(
        403,
        [
          "type": "authentication_error", "code": "permission_denied",
          "detail": "API key missing required scope 'hog_function:write'", "attr": nil,
        ])
    }
    if let project = RouteTemplate.projectSegment(of: path), project != "@current",
      project != String(services.projectID)
    {
      return JSONResponse.error(.notFound)
    }
    if let wait = await services.rateLimiter.take(key: key) {
      return JSONResponse.make(
        429,
        [
          "type": "throttled_error", "code": "throttled",
          "detail": .string("Request was throttled. Expected available in \(wait) seconds."), "attr": nil,
        ],
        headers: [.retryAfter: String(wait)])
    }
    return try await next(request, context)
  }

  static func authError(_ code: String, _ detail: String) -> EmulatorError {
    EmulatorError(
      status: 401,
      body: ["type": "authentication_error", "code": .string(code), "detail": .string(detail), "attr": nil])
  }
}
