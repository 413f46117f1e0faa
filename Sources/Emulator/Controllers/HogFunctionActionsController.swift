import Foundation
import HogctlJSON
import Hummingbird

/// The hog function actions: rearrange, broadcast, invocations, logs, metrics, icons and icon.
struct HogFunctionActionsController {
  typealias Context = EmulatorRequestContext
  let services: EmulatorServices
  var store: HogFunctionStore { services.store }

  func addRoutes(to group: RouterGroup<Context>) {
    group.patch("rearrange", use: rearrange)
    group.get("icons", use: icons)
    group.get("icon", use: icon)
    group.post(":id/broadcast", use: broadcast)
    group.post(":id/invocations", use: invocations)
    group.get(":id/logs", use: logs)
    group.get(":id/metrics", use: metrics)
    group.get(":id/metrics/totals", use: metricsTotals)
  }

  @Sendable func rearrange(_ request: Request, context: Context) async throws -> Response {
    let body = try await request.jsonObject(context: context)
    return JSONResponse.ok(.array(try await store.rearrange(body)))
  }

  @Sendable func broadcast(_ request: Request, context: Context) async throws -> Response {
    _ = try? await request.body.collect(upTo: context.maxUploadSize)
    return JSONResponse.ok(try await store.broadcast(try context.parameters.require("id")))
  }

  @Sendable func invocations(_ request: Request, context: Context) async throws -> Response {
    let id = try context.parameters.require("id")
    let body = try await request.jsonObject(context: context)
    let response = try await store.invoke(id, body: body)
    if let configuration = body["configuration"]?.objectValue, let function = await store.stored(id) {
      let keys = SecretInputKeys.received(body: configuration, schema: function.record["inputs_schema"])
      if !keys.isEmpty { await services.stats.secretKeysReceived(keys, functionID: function.id) }
    }
    return JSONResponse.ok(response)
  }

  @Sendable func logs(_ request: Request, context: Context) async throws -> Response {
    let (base, path, query) = (request.baseURL, request.uri.path, request.uri.query)
    let logs = try await store.logs(try context.parameters.require("id"), parameters: request.query) {
      offset, limit in
      PageLinks.url(
        base, path, query, replacing: ["limit": "\(limit)", "offset": offset > 0 ? "\(offset)" : nil])
    }
    return JSONResponse.ok(logs)
  }

  @Sendable func metrics(_ request: Request, context: Context) async throws -> Response {
    JSONResponse.ok(try await store.metrics(try context.parameters.require("id"), parameters: request.query))
  }

  @Sendable func metricsTotals(_ request: Request, context: Context) async throws -> Response {
    JSONResponse.ok(
      try await store.metricsTotals(try context.parameters.require("id"), parameters: request.query))
  }

  @Sendable func icons(_ request: Request, context: Context) async throws -> Response {
    guard let query = request.query["query"], !query.isEmpty else { return JSONResponse.ok([]) }
    return JSONResponse.ok(.array(services.icons.search(query)))
  }

  @Sendable func icon(_ request: Request, context: Context) async throws -> Response {
    guard let id = request.query["id"], !id.isEmpty else {
      throw EmulatorError.nonField("id is required")
    }
    guard let png = services.icons.png(id) else { throw EmulatorError.notFound }
    return Response(
      status: .ok,
      headers: [.contentType: "image/png", .cacheControl: "public, max-age=86400"],
      body: .init(byteBuffer: ByteBuffer(bytes: png)))
  }
}
