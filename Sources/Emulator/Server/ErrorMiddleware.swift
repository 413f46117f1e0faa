import HogctlJSON
import Hummingbird
import NIOCore

/// Turns thrown errors into PostHog's JSON error bodies: `EmulatorError` as it is, the router's
/// own 404 as `not_found` (or 405 `method_not_allowed` when the route exists with other methods),
/// anything else as a 500 `server_error`.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = EmulatorRequestContext

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as EmulatorError {
      return JSONResponse.error(error)
    } catch let error as HTTPError where error.status == .notFound {
      guard RouteTemplate.isKnownAPIRoute(request.uri.path) else { return JSONResponse.error(.notFound) }
      return JSONResponse.make(
        405,
        [
          "type": "invalid_request", "code": "method_not_allowed",
          "detail": .string("Method \"\(request.method.rawValue)\" not allowed."), "attr": nil,
        ])
    } catch let error as HTTPError where error.status == .contentTooLarge {
      return Self.contentTooLarge()
    } catch is NIOTooManyBytesError {
      // What collecting a body over `maxUploadSize` throws.
      return Self.contentTooLarge()
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      return JSONResponse.error(.serverError)
    }
  }

  private static func contentTooLarge() -> Response {
    JSONResponse.make(
      413, ["type": "invalid_request", "code": "error", "detail": "Request body too large.", "attr": nil])
  }
}
