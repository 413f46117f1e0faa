import HogctlCore

/// Everything hogctl asks of PostHog's hog-functions API. The planner and executor see only this
/// protocol; the URLSession client implements it, and tests may substitute their own.
public protocol HogFunctionsAPI: Sendable {
  /// Every non-deleted function of the given types (`full=true`, all pages).
  func listHogFunctions(types: [String]) async throws -> [HogFunction]
  func getHogFunction(id: String) async throws -> HogFunction
  func createHogFunction(_ body: [String: JSONValue]) async throws -> HogFunction
  func updateHogFunction(id: String, _ body: [String: JSONValue]) async throws -> HogFunction
  /// Soft delete: `PATCH {"deleted": true}`.
  func deleteHogFunction(id: String) async throws
  /// `PATCH {"deleted": false}`.
  func restoreHogFunction(id: String) async throws -> HogFunction
  /// One `PATCH rearrange/` with all the orders; returns the functions of that type in order.
  func rearrange(orders: [String: Int]) async throws -> [HogFunction]
  func broadcast(id: String) async throws
  /// `POST {id}/invocations/`; `id` may be `new`. Returns the raw response object.
  func invoke(id: String, body: [String: JSONValue]) async throws -> JSONValue
  func template(id: String) async throws -> JSONValue
}
