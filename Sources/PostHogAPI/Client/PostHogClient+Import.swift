import Foundation
import HogctlJSON

extension PostHogClient {
  /// Every non-deleted function of the given types, in one paginated list as for a plan, with
  /// what a plan leaves out but an import needs: which template each function was made from.
  /// Each function's `raw` gets `template_id` (from the response's `template.id`, as PostHog
  /// never returns `template_id` itself), and each template is returned once, by id.
  public func listHogFunctionsWithTemplates(types: [String]) async throws -> (
    functions: [HogFunction], templates: JSONObject
  ) {
    let typeList = (types.isEmpty ? Self.allTypes : types).joined(separator: ",")
    let query = [
      URLQueryItem(name: "type", value: typeList),
      URLQueryItem(name: "full", value: "true"),
      URLQueryItem(name: "limit", value: String(max(1, settings.pageSize))),
    ]
    let dropping = JSONDropList(
      paths: HogFunction.unreadPaths.filter { $0 != "template" }.map { "results.*." + $0 })
    let listed = try await concurrentPages(
      query: query, url: { self.functionsURL(query: $0) }, dropping: dropping, id: { $0.function.id }
    ) { object, context -> (function: HogFunction, template: JSONValue?) in
      var object = object
      let template = object.removeValue(forKey: "template").flatMap { $0.isNull ? nil : $0 }
      if let id = template?["id"] { object["template_id"] = id }
      return (try self.hogFunction(from: object, context: context, listed: true), template)
    }
    var templates: JSONObject = [:]
    for (_, template) in listed {
      if let template, let id = template["id"]?.stringValue { templates[id] = template }
    }
    return (listed.map(\.function), templates)
  }
}
