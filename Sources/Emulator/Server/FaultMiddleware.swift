import Foundation
import HogctlJSON
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

    let (response, dropped) = try await answer(request, context: context, next: next)
    await services.stats.count(outcome: dropped ? "dropped" : String(response.status.code))
    return response
  }

  /// The response, and whether the connection was cut instead of sending it.
  private func answer(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> (Response, dropped: Bool) {
    switch await services.faults.action(method: request.method.rawValue, path: request.uri.path) {
    case nil:
      return (try await next(request, context), false)
    case .respond(let status, let body)?:
      return (JSONResponse.make(status, body ?? Self.serverErrorBody(status)), false)
    case .delay(let milliseconds)?:
      try await Task.sleep(for: .milliseconds(milliseconds))
      return (try await next(request, context), false)
    case .drop?:
      return (await Self.drop(context), true)
    case .commitThenFail(let status)?:
      _ = try await next(request, context)
      guard let status else { return (await Self.drop(context), true) }
      return (JSONResponse.make(status, Self.serverErrorBody(status)), false)
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
