import Testing

@testable import Emulator

@Suite struct HogFunctionUpdateTests {
  @Test func theTypeCannotChange() throws {
    let stored = try rules.validateCreate(createBody())
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "Cannot modify the type of an existing function", "attr": "type"}"#
    ) { _ = try rules.validateUpdate(json(#"{"type": "transformation"}"#), existing: stored) }
    #expect(
      try rules.validateUpdate(json(#"{"type": "destination"}"#), existing: stored)["type"] == "destination")
  }

  @Test func fieldsLeftOutAreKept() throws {
    let stored = try rules.validateCreate(
      createBody(#"{"description": "d", "enabled": true, "masking": {"ttl": 60, "hash": "{person.id}"}}"#))
    let updated = try rules.validateUpdate(json(#"{"name": "New name"}"#), existing: stored)
    #expect(updated["name"] == "New name")
    for field in ["description", "enabled", "hog", "bytecode", "masking", "filters"] {
      #expect(updated[field] == stored[field])
    }
  }

  @Test func serverFieldsOfTheStoredRecordSurvive() throws {
    var stored = try rules.validateCreate(createBody())
    stored["id"] = "0190-abc"
    stored["created_at"] = "2025-01-01T00:00:00Z"
    let updated = try rules.validateUpdate(json(#"{"hog": "return 2"}"#), existing: stored)
    #expect(updated["id"] == "0190-abc")
    #expect(updated["created_at"] == "2025-01-01T00:00:00Z")
    #expect(updated["bytecode"] == BytecodePlaceholder.of("return 2"))
  }

  @Test func hogMayNotBeBlankOnUpdate() throws {
    let stored = try rules.validateCreate(createBody())
    expectError(
      #"{"type": "validation_error", "code": "blank", "detail": "This field may not be blank.", "attr": "hog"}"#
    ) { _ = try rules.validateUpdate(json(#"{"hog": "  "}"#), existing: stored) }
  }

  @Test func nullFiltersBecomeEmpty() throws {
    let stored = try rules.validateCreate(
      createBody(#"{"filters": {"events": [{"id": "$pageview", "type": "events"}]}}"#))
    let updated = try rules.validateUpdate(json(#"{"filters": null}"#), existing: stored)
    #expect(updated["filters"]?["events"] == nil)
    #expect(updated["filters"]?["source"] == "events")
  }

  @Test func aNewSchemaRevalidatesStoredInputs() throws {
    let stored = try rules.validateCreate(
      createBody(#"{"inputs_schema": [{"key": "a", "type": "string"}], "inputs": {"a": {"value": "x"}}}"#))
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "This field is required.", "attr": "inputs__b"}"#
    ) {
      _ = try rules.validateUpdate(
        json(
          #"{"inputs_schema": [{"key": "a", "type": "string"}, {"key": "b", "type": "string", "required": true}]}"#
        ),
        existing: stored)
    }
  }
}
