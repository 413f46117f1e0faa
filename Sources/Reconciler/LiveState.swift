import HogctlJSON
import Manifests
import PostHogAPI

/// What a plan is made against: the live functions of every type in scope (one paginated list)
/// and each template the manifests name (one request each, in parallel).
public struct LiveState: Sendable {
  public var functions: [HogFunction]
  public var templates: JSONObject

  public init(functions: [HogFunction], templates: JSONObject) {
    self.functions = functions
    self.templates = templates
  }

  public static func fetch(
    _ api: any HogFunctionsAPI, desired: [DesiredFunction], settings: ProjectSettings
  ) async throws -> LiveState {
    async let functions = api.listHogFunctions(
      types: Planner.typesInScope(desired: desired, settings: settings))
    let templates = try await withThrowingTaskGroup(of: (String, JSONValue).self) { group in
      for id in Planner.templateIDs(in: desired) {
        group.addTask { (id, try await api.template(id: id)) }
      }
      var fetched: JSONObject = [:]
      for try await (id, template) in group { fetched[id] = template }
      return fetched
    }
    return LiveState(functions: try await functions, templates: templates)
  }
}
