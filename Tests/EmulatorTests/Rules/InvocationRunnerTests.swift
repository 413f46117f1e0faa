import Foundation
import HogctlJSON
import Testing

@testable import Emulator

@Suite struct InvocationRunnerTests {
  let now = Date(timeIntervalSince1970: 1_735_689_600)

  func run(_ body: String, existing: JSONObject? = nil) throws -> InvocationOutcome {
    try InvocationRunner.run(
      body: json(body), existing: existing, rules: rules, now: now, makeID: { "generated-id" })
  }

  @Test func aValidInvocationSaysTheCodeWasNotRun() throws {
    let outcome = try run(
      #"""
      {"configuration": {"name": "Hook", "hog": "fetch('https://x')"},
       "globals": {"event": {"event": "$pageview", "uuid": "e1"}, "person": {"id": "p"}},
       "mock_async_functions": true, "invocation_id": "inv-1"}
      """#)
    #expect(outcome.invocationID == "inv-1")
    #expect(outcome.response["result"] == .null)
    #expect(outcome.response["status"] == "skipped")
    #expect(outcome.response["executed"] == false)
    #expect(outcome.response["not_executed_reason"]?.stringValue == InvocationRunner.notExecuted)
    #expect(outcome.response["errors"] == [])
    let logs = outcome.response["logs"]?.arrayValue ?? []
    #expect(logs.contains { $0["message"]?.stringValue == InvocationRunner.notExecuted })
    #expect(logs.allSatisfy { $0["timestamp"] == "2025-01-01T00:00:00.000Z" && $0["level"] != nil })
    #expect(outcome.metricKind == "success" && outcome.metricName == "succeeded")
  }

  @Test func transformationsExplainTheNullResult() throws {
    let outcome = try run(
      #"{"configuration": {"type": "transformation", "name": "T", "hog": "return event"}, "globals": {"event": {"event": "e"}}}"#
    )
    #expect(outcome.response["result"] == .null)
    #expect(outcome.logLines.contains { $0.message.contains("transformation was not run") })
    #expect(outcome.invocationID == "generated-id")
  }

  @Test func invalidConfigurationsAnswerRawFieldErrors() {
    expectError(#"{"configuration": {"hog": ["Hog code has errors."]}}"#) {
      _ = try run(#"{"configuration": {"name": "x", "hog": "return ("}, "globals": {"event": {}}}"#)
    }
    expectError(#"{"configuration": {"inputs": {"url": ["This field is required."]}}}"#) {
      _ = try run(
        #"{"configuration": {"name": "x", "hog": "return 1", "inputs_schema": [{"key": "url", "type": "string", "required": true}]}, "globals": {"event": {}}}"#
      )
    }
    expectError(#"{"configuration": {"inputs_schema": {"0": {"type": ["\"x\" is not a valid choice."]}}}}"#) {
      _ = try run(
        #"{"configuration": {"name": "x", "hog": "return 1", "inputs_schema": [{"key": "a", "type": "x"}]}, "globals": {"event": {}}}"#
      )
    }
  }

  @Test func aMissingEventIsRefused() {
    expectError(#"{"error": "Missing event"}"#) {
      _ = try run(#"{"configuration": {"name": "x", "hog": "return 1"}, "globals": {"person": {}}}"#)
    }
    expectError(#"{"error": "Missing event"}"#) {
      _ = try run(#"{"configuration": {"name": "x", "hog": "return 1"}}"#)
    }
  }

  @Test func storedFunctionsResolveSecretMarkers() throws {
    let stored = try rules.validateCreate(
      createBody(
        #"{"inputs_schema": [{"key": "token", "type": "string", "secret": true, "required": true}], "inputs": {"token": {"value": "s"}}}"#
      ))
    _ = try run(
      #"{"configuration": {"inputs": {"token": {"secret": true}}}, "globals": {"event": {"event": "e"}}}"#,
      existing: stored)
    _ = try run(#"{"globals": {"event": {"event": "e"}}}"#, existing: stored)
    expectError(#"{"configuration": ["This field is required."]}"#) {
      _ = try run(#"{"globals": {"event": {}}}"#)
    }
  }

  @Test func outcomesAreRecorded() throws {
    let outcome = try run(
      #"{"configuration": {"name": "x", "hog": "return 1"}, "globals": {"event": {"event": "e"}}}"#)
    var logs = LogBook()
    var metrics = MetricsBook()
    outcome.record(into: &logs, metrics: &metrics, sourceID: "f1", at: now)
    #expect(logs.entries.count == outcome.logLines.count)
    #expect(logs.entries.allSatisfy { $0.instanceID == "generated-id" && $0.sourceID == "f1" })
    #expect(
      try metrics.totals(sourceID: "f1", parameters: [:], now: now)
        == jsonValue(#"{"totals": {"success": 1}}"#))
  }
}
