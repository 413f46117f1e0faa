import Foundation
import Hummingbird
import Logging
import NIOCore

/// The router: middlewares first (they apply to the routes added after them), then one
/// controller per resource under both `/api/environments/{id}/` and `/api/projects/{id}/`.
func buildRouter(services: EmulatorServices) -> Router<EmulatorRequestContext> {
  let router = Router(context: EmulatorRequestContext.self)
  router.add(middleware: FaultMiddleware(services: services))
  router.add(middleware: ErrorMiddleware())
  router.add(middleware: AuthMiddleware(services: services))
  for prefix in ["api/environments/:project_id", "api/projects/:project_id"] {
    HogFunctionActionsController(services: services).addRoutes(to: router.group("\(prefix)/hog_functions"))
    HogFunctionsController(services: services).addRoutes(to: router.group("\(prefix)/hog_functions"))
    TemplatesController(services: services).addRoutes(to: router.group("\(prefix)/hog_function_templates"))
  }
  AdminController(services: services).addRoutes(to: router.group("_emulator"))
  return router
}

/// The application for a configuration. `onBound` receives the port actually bound.
func buildApplication(
  _ configuration: EmulatorConfiguration, keys: [EmulatorConfiguration.APIKey],
  onBound: @escaping @Sendable (Int) async -> Void
) throws -> some ApplicationProtocol {
  let services = try EmulatorServices(configuration: configuration, keys: keys)
  return Application(
    router: buildRouter(services: services),
    configuration: .init(
      address: .hostname(configuration.host, port: configuration.port), serverName: "hogctl-emulator"),
    onServerRunning: { channel in await onBound(channel.localAddress?.port ?? configuration.port) },
    logger: Logger(label: "hogctl.emulator", factory: { _ in SwiftLogNoOpLogHandler() }))
}
