import Foundation
import HogctlJSON

extension PostHogClient {
  public func functionLogs(id: String, query: LogsQuery) async throws -> LogsPage {
    try await logsPage(at: functionsURL([id, "logs"], query: query.queryItems), id: id)
  }

  public func functionLogs(nextPage: URL) async throws -> LogsPage {
    let context = context(.get, nextPage)
    return try await logsPage(at: try trustedNextURL(nextPage.absoluteString, context: context), id: nil)
  }

  private func logsPage(at url: URL, id: String?) async throws -> LogsPage {
    let context = context(.get, url, id: id)
    let page = try await sendObject(APICall(method: .get, url: url, idempotent: true, context: context))
    let next = try page["next"]?.stringValue.map { try trustedNextURL($0, context: context) }
    return LogsPage(
      count: page["count"]?.intValue, next: next,
      entries: (page["results"]?.arrayValue ?? []).map(LogEntry.init(json:)))
  }

  public func functionMetrics(id: String, query: MetricsQuery) async throws -> FunctionMetrics {
    let url = functionsURL([id, "metrics"], query: query.queryItems)
    let context = context(.get, url, id: id)
    let object = try await sendObject(APICall(method: .get, url: url, idempotent: true, context: context))
    let series = (object["series"]?.arrayValue ?? []).map { item in
      FunctionMetrics.Series(
        name: item["name"]?.stringValue ?? "",
        values: (item["values"]?.arrayValue ?? []).map { $0.numberValue ?? 0 })
    }
    return FunctionMetrics(
      labels: (object["labels"]?.arrayValue ?? []).compactMap(\.stringValue), series: series)
  }

  public func functionMetricsTotals(id: String, query: MetricsQuery) async throws -> [String: Double] {
    let url = functionsURL([id, "metrics", "totals"], query: query.queryItems)
    let context = context(.get, url, id: id)
    let object = try await sendObject(APICall(method: .get, url: url, idempotent: true, context: context))
    guard let totals = object["totals"]?.objectValue else {
      throw APIError.invalidResponse(reason: "no 'totals' object", context: context)
    }
    return totals.dictionary.compactMapValues(\.numberValue)
  }

  public func icons(query: String) async throws -> [IconInfo] {
    let url = functionsURL(["icons"], query: [URLQueryItem(name: "query", value: query)])
    let call = APICall(method: .get, url: url, idempotent: true, context: context(.get, url))
    return try await sendArray(call).map { item in
      IconInfo(
        id: item["id"]?.stringValue ?? "", name: item["name"]?.stringValue ?? "",
        url: item["url"]?.stringValue ?? "")
    }
  }

  public func icon(id: String) async throws -> IconImage {
    let url = functionsURL(["icon"], query: [URLQueryItem(name: "id", value: id)])
    let call = APICall(
      method: .get, url: url, idempotent: true, context: context(.get, url), accept: "image/*")
    let response = try await perform(call)
    return IconImage(data: response.body, contentType: response.header("Content-Type"))
  }

  public func templates(types: [String]) async throws -> [JSONValue] {
    var query: [URLQueryItem] = [URLQueryItem(name: "limit", value: String(max(1, settings.pageSize)))]
    if types.count == 1 {
      query.append(URLQueryItem(name: "type", value: types[0]))
    } else if types.count > 1 {
      query.append(URLQueryItem(name: "types", value: types.joined(separator: ",")))
    }
    return try await allPages(from: templatesURL(query: query)) { object, _ in JSONValue.object(object) }
  }

  public func template(id: String) async throws -> JSONValue {
    let url = templatesURL([id])
    let call = APICall(method: .get, url: url, idempotent: true, context: context(.get, url))
    return .object(try await sendObject(call))
  }
}
