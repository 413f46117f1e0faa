import Foundation

/// PostHog's own verdict on a function, `status.state` in the API: set by its watcher, which
/// degrades or disables functions that fail or run too long.
public struct FunctionHealth: Sendable, Hashable {
  public var state: Int

  public init(state: Int) { self.state = state }

  /// The words PostHog's UI uses for each state.
  public var description: String {
    switch state {
    case 0: "unknown"
    case 1: "healthy"
    case 2: "degraded"
    case 3: "disabled"
    case 11: "forcefully degraded"
    case 12: "forcefully disabled"
    default: "state \(state)"
    }
  }
}

/// A live function as a plain list returns it, with PostHog's health state kept.
public struct ListedHogFunction: Sendable, Hashable {
  public var function: HogFunction
  /// `nil` when the server sent no `status`.
  public var health: FunctionHealth?

  public init(function: HogFunction, health: FunctionHealth?) {
    self.function = function
    self.health = health
  }
}

extension PostHogClient {
  /// Every non-deleted function of the given types (all types when empty), without `full=true`:
  /// what a table of functions shows (name, type, enabled, order, id, health), read with the
  /// same concurrent paging as the plan's list.
  public func listHogFunctionsWithHealth(types: [String]) async throws -> [ListedHogFunction] {
    let typeList = (types.isEmpty ? Self.allTypes : types).joined(separator: ",")
    let query = [
      URLQueryItem(name: "type", value: typeList),
      URLQueryItem(name: "limit", value: String(max(1, settings.pageSize))),
    ]
    return try await concurrentPages(
      query: query, url: { self.functionsURL(query: $0) }, dropping: .none, id: \.function.id
    ) { object, context in
      let state = object["status"]?["state"]?.intValue
      return ListedHogFunction(
        function: try self.hogFunction(from: object, context: context),
        health: state.map(FunctionHealth.init(state:)))
    }
  }
}
