import Foundation
import HogctlJSON
import Hummingbird

/// `/api/{environments|projects}/{project_id}/hog_function_templates/`: the built-in catalog.
struct TemplatesController {
  typealias Context = EmulatorRequestContext
  let services: EmulatorServices

  func addRoutes(to group: RouterGroup<Context>) {
    group.get(use: list)
    group.get(":template_id", use: retrieve)
  }

  @Sendable func list(_ request: Request, context: Context) async throws -> Response {
    let parameters = request.query
    let types = parameters["types"].map { $0.split(separator: ",").map(String.init) }
    let all = services.templates.list(type: parameters["type"], types: types)
    let query = ListQuery(parameters: [
      "limit": parameters["limit"] ?? "", "offset": parameters["offset"] ?? "",
    ])
    let start = min(query.offset, all.count)
    let end = min(start + query.limit, all.count)
    let links = PageLinks.links(
      baseURL: request.baseURL, path: request.uri.path, query: request.uri.query, count: all.count,
      limit: query.limit, offset: query.offset)
    return JSONResponse.ok([
      "count": .number(Double(all.count)), "next": links.next, "previous": links.previous,
      "results": .array(Array(all[start..<end])),
    ])
  }

  @Sendable func retrieve(_ request: Request, context: Context) async throws -> Response {
    let id = try context.parameters.require("template_id")
    guard let template = services.templates.get(id) else { throw EmulatorError.notFound }
    return JSONResponse.ok(template)
  }
}
