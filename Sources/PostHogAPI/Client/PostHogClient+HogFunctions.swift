import Foundation
import HogctlJSON

extension PostHogClient {
  /// Every hog function type PostHog knows, for listing "all".
  public static let allTypes = [
    "destination", "site_destination", "internal_destination", "source_webhook", "site_app",
    "transformation",
  ]

  public func listHogFunctions(types: [String]) async throws -> [HogFunction] {
    let typeList = (types.isEmpty ? Self.allTypes : types).joined(separator: ",")
    let query = [
      URLQueryItem(name: "type", value: typeList),
      URLQueryItem(name: "full", value: "true"),
      URLQueryItem(name: "limit", value: String(max(1, settings.pageSize))),
    ]
    // What a HogFunction would drop is left out while each page is parsed, never built.
    return try await concurrentPages(
      query: query, url: { self.functionsURL(query: $0) }, dropping: HogFunction.unreadInListPages,
      id: \.id
    ) { object, context in
      try self.hogFunction(from: object, context: context, listed: true)
    }
  }

  public func getHogFunction(id: String) async throws -> HogFunction {
    let url = functionsURL([id])
    let context = context(.get, url, id: id)
    let object = try await sendObject(APICall(method: .get, url: url, idempotent: true, context: context))
    return try hogFunction(from: object, context: context)
  }

  public func createHogFunction(_ body: JSONObject) async throws -> HogFunction {
    let url = functionsURL()
    let name = body["name"]?.stringValue ?? "(unnamed)"
    let context = context(.post, url, name: name)
    let call = APICall(
      method: .post, url: url, body: JSONValue.object(body).serializedData(), idempotent: false,
      createName: name, context: context, secrets: SecretInputs.values(in: body))
    return try hogFunction(from: try await sendObject(call), context: context)
  }

  public func updateHogFunction(id: String, _ body: JSONObject) async throws -> HogFunction {
    try await patch(id: id, body)
  }

  public func deleteHogFunction(id: String) async throws {
    _ = try await patch(id: id, ["deleted": true])
  }

  public func restoreHogFunction(id: String) async throws -> HogFunction {
    try await patch(id: id, ["deleted": false])
  }

  private func patch(id: String, _ body: JSONObject) async throws -> HogFunction {
    let url = functionsURL([id])
    let context = context(.patch, url, id: id, name: body["name"]?.stringValue)
    let call = APICall(
      method: .patch, url: url, body: JSONValue.object(body).serializedData(), idempotent: true,
      context: context, secrets: SecretInputs.values(in: body))
    return try hogFunction(from: try await sendObject(call), context: context)
  }

  public func rearrange(orders: [String: Int]) async throws -> [HogFunction] {
    let url = functionsURL(["rearrange"])
    let context = context(.patch, url)
    let body: JSONValue = ["orders": .object(JSONObject(orders.mapValues { .number(Double($0)) }))]
    // Setting absolute orders twice gives the same result, so a retry is safe.
    let call = APICall(
      method: .patch, url: url, body: body.serializedData(), idempotent: true, context: context)
    return try await sendArray(call).map { item in
      guard let object = item.objectValue else {
        throw APIError.invalidResponse(reason: "a list item that is not an object", context: context)
      }
      return try hogFunction(from: object, context: context)
    }
  }

  public func broadcast(id: String) async throws {
    _ = try await broadcastAnswer(id: id)
  }

  /// Broadcasts and returns what PostHog answered, e.g. `{"success": true}`.
  public func broadcastAnswer(id: String) async throws -> JSONValue {
    let url = functionsURL([id, "broadcast"])
    let call = APICall(
      method: .post, url: url, body: Data("{}".utf8), idempotent: false, context: context(.post, url, id: id))
    return try await sendJSON(call)
  }

  public func invoke(id: String, body: JSONObject) async throws -> JSONValue {
    let url = functionsURL([id, "invocations"])
    let configuration = body["configuration"]?.objectValue ?? [:]
    let call = APICall(
      method: .post, url: url, body: JSONValue.object(body).serializedData(), idempotent: false,
      context: context(.post, url, id: id == "new" ? nil : id, name: configuration["name"]?.stringValue),
      secrets: SecretInputs.values(in: configuration))
    return try await sendJSON(call)
  }
}
