import Foundation
import HogctlCore
import Hummingbird
import NIOCore

/// Counts every API request, then applies latency and any scripted or random fault. The admin
/// API under `/_emulator/` is never counted or faulted.
struct FaultMiddleware: RouterMiddleware {
  typealias Context = EmulatorRequestContext
  let services: EmulatorServices

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let path = request.uri.path
    if RouteTemplate.isAdmin(path) { return try await next(request, context) }
    let method = request.method.rawValue
    await services.stats.count(method: method, path: path)

    let latency = await services.faults.latencyMilliseconds()
    if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }

    switch await services.faults.action(method: method, path: path) {
    case nil:
      return try await next(request, context)
    case .respond(let status, let body)?:
      return JSONResponse.make(status, body ?? Self.serverErrorBody(status))
    case .delay(let milliseconds)?:
      try await Task.sleep(for: .milliseconds(milliseconds))
      return try await next(request, context)
    case .drop?:
      return await Self.drop(context)
    case .commitThenFail(let status)?:
      _ = try await next(request, context)
      guard let status else { return await Self.drop(context) }
      return JSONResponse.make(status, Self.serverErrorBody(status))
    }
  }

  static func serverErrorBody(_ status: Int) -> JSONValue {
    status >= 500
      ? EmulatorError.serverError.body!
      : ["type": "invalid_request", "code": "error", "detail": "Injected fault.", "attr": nil]
  }

  /// Closes the connection without writing a response. Hummingbird has no "no response" result,
  /// so the channel is closed first; writing the placeholder response returned here then fails,
  /// which the server treats as a client that went away. The client sees the connection end
  /// with no status line.
  static func drop(_ context: Context) async -> Response {
    try? await context.channel.close().get()
    return Response(status: .internalServerError, headers: [.connection: "close"])
  }
}
