import Foundation
import HogctlJSON

/// Everything hogctl asks of PostHog's hog-functions API. The planner and executor see only this
/// protocol; the URLSession client implements it, and tests may substitute their own.
public protocol HogFunctionsAPI: Sendable {
  /// Every non-deleted function of the given types (`full=true`, all pages).
  func listHogFunctions(types: [String]) async throws -> [HogFunction]
  func getHogFunction(id: String) async throws -> HogFunction
  func createHogFunction(_ body: JSONObject) async throws -> HogFunction
  func updateHogFunction(id: String, _ body: JSONObject) async throws -> HogFunction
  /// Soft delete: `PATCH {"deleted": true}`.
  func deleteHogFunction(id: String) async throws
  /// `PATCH {"deleted": false}`.
  func restoreHogFunction(id: String) async throws -> HogFunction
  /// One `PATCH rearrange/` with all the orders; returns the functions of that type in order.
  func rearrange(orders: [String: Int]) async throws -> [HogFunction]
  func broadcast(id: String) async throws
  /// `POST {id}/invocations/`; `id` may be `new`. Returns the raw response object.
  func invoke(id: String, body: JSONObject) async throws -> JSONValue
  func template(id: String) async throws -> JSONValue

  /// One page of a function's logs, newest first.
  func functionLogs(id: String, query: LogsQuery) async throws -> LogsPage
  /// The page a `LogsPage.next` link points to.
  func functionLogs(nextPage: URL) async throws -> LogsPage
  func functionMetrics(id: String, query: MetricsQuery) async throws -> FunctionMetrics
  /// Totals keyed by kind (or by name with `breakdownBy: .name`).
  func functionMetricsTotals(id: String, query: MetricsQuery) async throws -> [String: Double]
  /// `GET icons/?query=`; an empty query returns nothing.
  func icons(query: String) async throws -> [IconInfo]
  /// `GET icon/?id=`: the image bytes.
  func icon(id: String) async throws -> IconImage
  /// Every template of the given types (all types when empty), all pages, raw objects.
  func templates(types: [String]) async throws -> [JSONValue]
}

/// Implementations written before these calls existed keep compiling; they report the call as
/// unsupported.
extension HogFunctionsAPI {
  public func functionLogs(id: String, query: LogsQuery) async throws -> LogsPage {
    throw APIError.unsupported("Reading function logs")
  }

  public func functionLogs(nextPage: URL) async throws -> LogsPage {
    throw APIError.unsupported("Reading function logs")
  }

  public func functionMetrics(id: String, query: MetricsQuery) async throws -> FunctionMetrics {
    throw APIError.unsupported("Reading function metrics")
  }

  public func functionMetricsTotals(id: String, query: MetricsQuery) async throws -> [String: Double] {
    throw APIError.unsupported("Reading function metric totals")
  }

  public func icons(query: String) async throws -> [IconInfo] {
    throw APIError.unsupported("Searching icons")
  }

  public func icon(id: String) async throws -> IconImage {
    throw APIError.unsupported("Fetching an icon")
  }

  public func templates(types: [String]) async throws -> [JSONValue] {
    throw APIError.unsupported("Listing templates")
  }
}
