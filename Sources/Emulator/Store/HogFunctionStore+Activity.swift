import Foundation
import HogctlCore

/// Broadcasts, test invocations, and the logs and metrics they leave behind.
extension HogFunctionStore {
  /// One recorded invocation per person matching the function's `filters.properties`.
  func broadcast(_ id: String) throws -> JSONValue {
    let function = try live(id)
    guard function.isEnabled else {
      throw EmulatorError(status: 400, body: ["error": "Cannot broadcast: function is disabled"])
    }
    let date = currentDate()
    for person in state.persons
    where BroadcastMatcher.matches(person: person, filters: function.record["filters"]) {
      let invocationID = UUID().uuidString.lowercased()
      let globals: [String: JSONValue] = [
        "event": [
          "uuid": .string(UUID().uuidString.lowercased()), "event": "$broadcast",
          "distinct_id": person["distinct_id"] ?? .null, "properties": [:],
          "timestamp": .string(ServerFields.timestamp(date)),
        ],
        "person": person,
      ]
      let response = InvocationResponse.build(
        configuration: function.record, globals: globals, invocationID: invocationID, now: date)
      record(response, functionID: function.id, invocationID: invocationID, date: date)
    }
    try persist()
    return ["success": true]
  }

  /// A test invocation. `id` may be `new`; for a stored function the configuration is validated
  /// as an update of it (so secret keep-markers resolve) and the run is logged under its id.
  func invoke(_ id: String, body: [String: JSONValue]) throws -> JSONValue {
    let existing = id == "new" ? nil : stored(id).flatMap { $0.isLive ? $0 : nil }
    guard let configuration = body["configuration"]?.objectValue else {
      throw EmulatorError(status: 400, body: ["configuration": ["This field is required."]])
    }
    let validated: [String: JSONValue]
    do {
      if let existing {
        validated = try rules.validateUpdate(configuration, existing: existing.record)
      } else {
        validated = try rules.validateCreate(configuration)
      }
    } catch let error as EmulatorError {
      throw Self.rawFieldError(error)
    }
    guard let globals = body["globals"]?.objectValue else {
      throw EmulatorError(status: 400, body: ["globals": ["This field is required."]])
    }
    guard let event = globals["event"], !event.isNull else {
      throw EmulatorError(status: 400, body: ["error": "Missing event"])
    }
    let invocationID = body["invocation_id"]?.stringValue ?? UUID().uuidString.lowercased()
    let date = currentDate()
    let response = InvocationResponse.build(
      configuration: validated, globals: globals, invocationID: invocationID, now: date)
    if let existing {
      record(response, functionID: existing.id, invocationID: invocationID, date: date)
      try persist()
    }
    return response
  }

  func logs(_ id: String, parameters: [String: String]) throws -> JSONValue {
    let function = try live(id)
    return try state.logs.query(sourceID: function.id, parameters: parameters)
  }

  func metrics(_ id: String, parameters: [String: String]) throws -> JSONValue {
    let function = try live(id)
    return try state.metrics.series(sourceID: function.id, parameters: parameters, now: currentDate())
  }

  func metricsTotals(_ id: String, parameters: [String: String]) throws -> JSONValue {
    let function = try live(id)
    return try state.metrics.totals(sourceID: function.id, parameters: parameters, now: currentDate())
  }

  /// Writes an invocation's log lines and its outcome metric.
  private func record(_ response: JSONValue, functionID: String, invocationID: String, date: Date) {
    for line in response["logs"]?.arrayValue ?? [] {
      state.logs.record(
        sourceID: functionID, instanceID: invocationID,
        level: line["level"]?.stringValue ?? "info", message: line["message"]?.stringValue ?? "",
        timestamp: date)
    }
    let name = response["status"]?.stringValue == "error" ? "failed" : "succeeded"
    state.metrics.record(
      sourceID: functionID, kind: name == "failed" ? "failure" : "success", name: name, count: 1,
      timestamp: date)
  }

  /// The invocations endpoint answers validation errors as DRF's raw nested field errors under
  /// `configuration`, e.g. `{"configuration": {"hog": ["Hog code has errors."]}}`.
  static func rawFieldError(_ error: EmulatorError) -> EmulatorError {
    guard error.status == 400, let detail = error.body?["detail"]?.stringValue else { return error }
    let path = error.body?["attr"]?.stringValue?.components(separatedBy: "__") ?? ["non_field_errors"]
    var nested: JSONValue = [.string(detail)]
    for key in path.reversed() { nested = .object([key: nested]) }
    return EmulatorError(status: 400, body: ["configuration": nested])
  }
}
