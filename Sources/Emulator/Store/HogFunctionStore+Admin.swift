import Foundation
import HogctlJSON

/// The admin API's bulk operations: reset and seed.
extension HogFunctionStore {
  func reset() throws {
    try replaceAll(with: PersistedState())
  }

  /// Seeds functions (raw API shape, validated like a create; `id`, `created_at`, `updated_at`,
  /// `execution_order`, `status` and `deleted` are kept when given; the enabled cap is not
  /// applied), persons, log entries and metric counts. Returns what was added; on a validation
  /// error nothing is added.
  func seed(_ body: JSONObject) throws -> JSONValue {
    let date = currentDate()
    // All or nothing: a function that fails validation leaves the store as it was.
    let before = state
    let ids: [JSONValue]
    do {
      ids = try (body["functions"]?.arrayValue ?? []).enumerated().map { position, item in
        .string(try seedFunction(item, position: position, date: date))
      }
    } catch {
      restore(before)
      throw error
    }
    let persons = body["persons"]?.arrayValue ?? []
    state.persons += persons
    let logs = body["logs"]?.arrayValue ?? []
    for entry in logs {
      state.logs.record(
        sourceID: (entry["log_source_id"] ?? entry["function_id"])?.stringValue ?? "",
        instanceID: entry["instance_id"]?.stringValue ?? UUID().uuidString.lowercased(),
        level: entry["level"]?.stringValue ?? "info", message: entry["message"]?.stringValue ?? "",
        timestamp: entry["timestamp"]?.stringValue.flatMap(Self.parseDate) ?? date)
    }
    let metrics = body["metrics"]?.arrayValue ?? []
    for entry in metrics {
      let name = entry["name"]?.stringValue ?? "succeeded"
      state.metrics.record(
        sourceID: (entry["app_source_id"] ?? entry["function_id"])?.stringValue ?? "",
        kind: entry["kind"]?.stringValue ?? Self.kind(ofMetric: name), name: name,
        count: entry["count"]?.intValue ?? 1,
        timestamp: entry["timestamp"]?.stringValue.flatMap(Self.parseDate) ?? date)
    }
    try persist()
    return [
      "functions": .array(ids), "persons": .number(Double(persons.count)),
      "logs": .number(Double(logs.count)), "metrics": .number(Double(metrics.count)),
    ]
  }

  /// One seeded function, validated like a create, with the server fields it was given; its id.
  private func seedFunction(_ item: JSONValue, position: Int, date: Date) throws -> String {
    guard var fields = item.objectValue else {
      throw EmulatorError.validation("Expected an object.", attr: "functions__\(position)")
    }
    var server: JSONObject = [:]
    for key in ["id", "created_at", "updated_at", "execution_order", "status", "created_by"] {
      server[key] = fields.removeValue(forKey: key)
    }
    let deleted = Self.flag(fields.removeValue(forKey: "deleted")) ?? false
    var record: JSONObject
    do {
      record = try rules.validateCreate(fields)
    } catch let error as EmulatorError {
      throw Self.prefixed(error, with: "functions__\(position)")
    }
    let type = record["type"]?.stringValue ?? "destination"
    let id = server["id"]?.stringValue?.lowercased() ?? UUID().uuidString.lowercased()
    if stored(id) != nil {
      throw EmulatorError.validation(
        "A function with id \(id) exists.", attr: "functions__\(position)__id")
    }
    let timestamp = JSONValue.string(ServerFields.timestamp(date))
    record["id"] = .string(id)
    record["created_at"] = server["created_at"] ?? timestamp
    record["updated_at"] = server["updated_at"] ?? record["created_at"]
    record["created_by"] = server["created_by"] ?? ServerFields.createdBy
    record["status"] =
      server["status"] ?? ServerFields.status(enabled: record["enabled"]?.boolValue == true)
    if let order = server["execution_order"] {
      record["execution_order"] = order
    } else if ExecutionOrder.orderedTypes.contains(type), record["execution_order"]?.intValue == nil {
      record["execution_order"] = .number(Double(ExecutionOrder.next(for: type, among: state.functions)))
    }
    record["execution_order"] = record["execution_order"] ?? .null
    insert(record: record, deleted: deleted)
    return id
  }

  static func kind(ofMetric name: String) -> String {
    switch name {
    case "succeeded": "success"
    case "failed", "inputs_failed": "failure"
    default: "other"
    }
  }

  static func parseDate(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }

  private static func prefixed(_ error: EmulatorError, with prefix: String) -> EmulatorError {
    guard var body = error.body?.objectValue else { return error }
    let attr = body["attr"]?.stringValue.map { "\(prefix)__\($0)" } ?? prefix
    body["attr"] = .string(attr)
    return EmulatorError(status: error.status, body: .object(body))
  }
}
