import Foundation
import HogctlJSON

/// Broadcasts, test invocations, and the logs and metrics they leave behind.
extension HogFunctionStore {
  /// One recorded invocation per person matching the function's `filters.properties`.
  func broadcast(_ id: String) throws -> JSONValue {
    let function = try live(id)
    let date = currentDate()
    let outcomes = try Broadcast.invocations(function: function.record, persons: state.persons, now: date)
    for outcome in outcomes { record(outcome, functionID: function.id, at: date) }
    try persist()
    return ["success": true]
  }

  /// A test invocation. `id` may be `new`; for a stored function the configuration is validated
  /// as an update of it (so secret keep-markers resolve) and the run is logged under its id.
  func invoke(_ id: String, body: JSONObject) throws -> JSONValue {
    let existing = id == "new" ? nil : stored(id).flatMap { $0.isLive ? $0 : nil }
    let date = currentDate()
    let outcome = try InvocationRunner.run(body: body, existing: existing?.record, rules: rules, now: date)
    if let existing {
      record(outcome, functionID: existing.id, at: date)
      try persist()
    }
    return outcome.response
  }

  /// `pageURL` builds the absolute URL of another page from its offset and limit.
  func logs(
    _ id: String, parameters: [String: String], pageURL: @escaping (_ offset: Int, _ limit: Int) -> String
  ) throws -> JSONValue {
    let function = try live(id)
    return try state.logs.query(sourceID: function.id, parameters: parameters, pageURL: pageURL)
  }

  func metrics(_ id: String, parameters: [String: String]) throws -> JSONValue {
    let function = try live(id)
    return try state.metrics.series(sourceID: function.id, parameters: parameters, now: currentDate())
  }

  func metricsTotals(_ id: String, parameters: [String: String]) throws -> JSONValue {
    let function = try live(id)
    return try state.metrics.totals(sourceID: function.id, parameters: parameters, now: currentDate())
  }

  /// Writes an outcome's log lines and metric. The books are copied out and back because two
  /// `inout` accesses into the same actor property would overlap.
  private func record(_ outcome: InvocationOutcome, functionID: String, at date: Date) {
    var logs = state.logs
    var metrics = state.metrics
    outcome.record(into: &logs, metrics: &metrics, sourceID: functionID, at: date)
    state.logs = logs
    state.metrics = metrics
  }
}
