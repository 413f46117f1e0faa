import Foundation
import HogctlJSON
import Hummingbird

/// `/api/{environments|projects}/{project_id}/hog_functions/`: list, create, retrieve, update,
/// soft delete and restore (through PATCH), and DELETE's 405.
struct HogFunctionsController {
  typealias Context = EmulatorRequestContext
  let services: EmulatorServices
  var store: HogFunctionStore { services.store }

  func addRoutes(to group: RouterGroup<Context>) {
    group.get(use: list)
    group.post(use: create)
    group.get(":id", use: retrieve)
    group.patch(":id", use: update)
    group.put(":id", use: update)
    group.delete(":id", use: delete)
  }

  @Sendable func list(_ request: Request, context: Context) async throws -> Response {
    let parameters = request.query
    let query = ListQuery(parameters: parameters)
    let (count, page) = await store.list(query)
    let results = page.map { JSONValue.object(store.rules.render($0.record, full: query.full)) }
    let links = PageLinks.links(
      baseURL: request.baseURL, path: request.uri.path, query: request.uri.query, count: count,
      limit: query.limit, offset: query.offset)
    return JSONResponse.ok([
      "count": .number(Double(count)), "next": links.next, "previous": links.previous,
      "results": .array(results),
    ])
  }

  @Sendable func create(_ request: Request, context: Context) async throws -> Response {
    let body = try await request.jsonObject(context: context)
    let function = try await store.create(body)
    await recordSecrets(body: body, function: function)
    return JSONResponse.make(201, await store.render(function))
  }

  @Sendable func retrieve(_ request: Request, context: Context) async throws -> Response {
    let id = try context.parameters.require("id")
    return JSONResponse.ok(try await store.retrieve(id))
  }

  @Sendable func update(_ request: Request, context: Context) async throws -> Response {
    let id = try context.parameters.require("id")
    let body = try await request.jsonObject(context: context)
    let function = try await store.update(id, body: body)
    await recordSecrets(body: body, function: function)
    return JSONResponse.ok(await store.render(function))
  }

  /// PostHog forbids destroying hog functions: 405 with an empty body.
  @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
    JSONResponse.make(405, nil)
  }

  private func recordSecrets(body: JSONObject, function: StoredFunction) async {
    let keys = SecretInputKeys.received(body: body, schema: function.record["inputs_schema"])
    if !keys.isEmpty { await services.stats.secretKeysReceived(keys, functionID: function.id) }
  }
}

extension Request {
  /// `http://<Host header>`, for absolute `next`/`previous` links.
  var baseURL: String {
    let host = head.authority ?? "localhost"
    return "http://\(host)"
  }
}
