import Foundation
import HogctlJSON

/// What one test invocation (`invocations/`) or broadcast delivery answers and leaves behind.
struct InvocationOutcome: Sendable, Equatable {
  struct LogLine: Sendable, Equatable {
    var level: String
    var message: String
  }

  var invocationID: String
  var response: JSONValue
  var logLines: [LogLine]
  /// The metric to count once: kind and name.
  var metricKind: String
  var metricName: String

  /// Writes the log lines and the metric under the function's id.
  func record(into logs: inout LogBook, metrics: inout MetricsBook, sourceID: String, at date: Date) {
    for line in logLines {
      logs.record(
        sourceID: sourceID, instanceID: invocationID, level: line.level, message: line.message,
        timestamp: date)
    }
    metrics.record(sourceID: sourceID, kind: metricKind, name: metricName, count: 1, timestamp: date)
  }
}

/// Test invocations. The emulator does not execute Hog: it validates the configuration, checks the
/// globals, and answers PostHog's response shape with `result: null`, `status: skipped` and log
/// lines saying plainly that no code ran. Two fields PostHog does not send, `executed: false` and
/// `not_executed_reason`, let a client tell "not run by this server" from PostHog's own
/// `skipped` (filters did not match), so no test is ever reported as passed here.
enum InvocationRunner {
  static let notExecuted =
    "The hogctl emulator does not execute Hog: this function's code was not run and no requests were sent."

  /// `body` is `{configuration, globals, mock_async_functions, invocation_id?}`. `existing` is the
  /// stored function when the path names one (the configuration is then validated as an update of
  /// it, so secret keep-markers resolve; a missing configuration means the stored one).
  /// Throws 400 `{"configuration": {...field errors...}}` or `{"error": "Missing event"}`.
  static func run(
    body: JSONObject, existing: JSONObject?, rules: HogFunctionRules, now: Date,
    makeID: () -> String = { UUID().uuidString.lowercased() }
  ) throws -> InvocationOutcome {
    let configuration: JSONObject
    do {
      if let sent = body["configuration"], !sent.isNull {
        guard let fields = sent.objectValue else {
          throw FieldErrors.invalid(
            "Invalid data. Expected a dictionary, but got \(FieldErrors.pythonType(sent)).",
            ["non_field_errors"])
        }
        configuration =
          try existing.map { try rules.validateUpdate(fields, existing: $0) } ?? rules.validateCreate(fields)
      } else if let existing {
        configuration = existing
      } else {
        throw EmulatorError(status: 400, body: ["configuration": ["This field is required."]])
      }
    } catch let error as EmulatorError where error.body?["detail"] != nil {
      throw rawFieldError(error, field: "configuration")
    }
    guard let event = body["globals"]?["event"], !event.isNull else {
      throw EmulatorError(status: 400, body: ["error": "Missing event"])
    }
    let invocationID = body["invocation_id"]?.stringValue ?? makeID()
    return build(
      configuration: configuration, event: event.objectValue ?? [:], invocationID: invocationID, now: now)
  }

  /// The outcome for an already valid configuration and an event.
  static func build(
    configuration: JSONObject, event: JSONObject, invocationID: String, now: Date
  ) -> InvocationOutcome {
    let eventName = event["event"]?.stringValue ?? "(unnamed event)"
    var lines = [
      InvocationOutcome.LogLine(
        level: "debug", message: "Invocation \(invocationID) received event '\(eventName)'."),
      InvocationOutcome.LogLine(level: "info", message: notExecuted),
    ]
    if configuration["type"]?.stringValue == "transformation" {
      lines.append(
        InvocationOutcome.LogLine(
          level: "info",
          message:
            "result is null because the transformation was not run; it does not mean the event would be dropped."
        ))
    }
    let timestamp = JSONValue.string(QueryDates.format(now))
    let response: JSONValue = [
      "result": nil, "status": "skipped", "errors": [], "executed": false,
      "not_executed_reason": .string(notExecuted),
      "logs": .array(
        lines.map { ["level": .string($0.level), "timestamp": timestamp, "message": .string($0.message)] }),
    ]
    return InvocationOutcome(
      invocationID: invocationID, response: response, logLines: lines, metricKind: "success",
      metricName: "succeeded")
  }

  /// A validation error as DRF's nested field errors under `field`:
  /// attr `inputs__url` → `{"configuration": {"inputs": {"url": ["This field is required."]}}}`;
  /// an error of no field goes under `non_field_errors`.
  static func rawFieldError(_ error: EmulatorError, field: String) -> EmulatorError {
    guard error.status == 400, let detail = error.body?["detail"]?.stringValue else { return error }
    let path = error.body?["attr"]?.stringValue?.components(separatedBy: "__") ?? ["non_field_errors"]
    var nested: JSONValue = [.string(detail)]
    for key in path.reversed() { nested = .object([key: nested]) }
    return EmulatorError(status: 400, body: .object([field: nested]))
  }
}

/// The stand-in name the HTTP layer calls: the response JSON of a test invocation.
enum InvocationResponse {
  static func build(
    configuration: JSONObject, globals: JSONObject, invocationID: String, now: Date
  ) -> JSONValue {
    InvocationRunner.build(
      configuration: configuration, event: globals["event"]?.objectValue ?? [:], invocationID: invocationID,
      now: now
    ).response
  }
}
