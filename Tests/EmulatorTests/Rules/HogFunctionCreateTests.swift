import HogctlJSON
import Testing

@testable import Emulator

@Suite struct HogFunctionCreateTests {
  @Test func defaultsAreApplied() throws {
    let record = try rules.validateCreate(createBody())
    #expect(record["type"] == "destination")
    #expect(record["description"] == "")
    #expect(record["enabled"] == false)
    #expect(record["inputs"] == [:])
    #expect(record["inputs_schema"] == [])
    #expect(record["masking"] == .null)
    #expect(record["mappings"] == .null)
    #expect(record["transpiled"] == .null)
    #expect(record["execution_order"] == .null)
    #expect(record["filters"]?["source"] == "events")
    #expect(record["filters"]?["bytecode"] == BytecodePlaceholder.of(#"{"source":"events"}"#))
    #expect(record["bytecode"] == BytecodePlaceholder.of("print('hi')"))
  }

  @Test func unknownTypeIsAnInvalidChoice() {
    expectError(
      #"{"type": "validation_error", "code": "invalid_choice", "detail": "\"webhook\" is not a valid choice.", "attr": "type"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"type": "webhook"}"#)) }
  }

  @Test func enabledAcceptsTheStringFalse() throws {
    #expect(try rules.validateCreate(createBody(#"{"enabled": "false"}"#))["enabled"] == false)
    #expect(try rules.validateCreate(createBody(#"{"enabled": "true"}"#))["enabled"] == true)
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "Must be a valid boolean.", "attr": "enabled"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"enabled": "maybe"}"#)) }
  }

  @Test func nameIsRequiredAndLimitedTo400Characters() throws {
    expectError(
      #"{"type": "validation_error", "code": "required", "detail": "This field is required.", "attr": "name"}"#
    ) { _ = try rules.validateCreate(json(#"{"hog": "return 1"}"#)) }
    expectError(
      #"{"type": "validation_error", "code": "max_length", "detail": "Ensure this field has no more than 400 characters.", "attr": "name"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"name": "\#(String(repeating: "n", count: 401))"}"#)) }
    #expect(
      try rules.validateCreate(createBody(#"{"name": "\#(String(repeating: "n", count: 400))"}"#))["name"]?
        .stringValue?.count == 400)
  }

  @Test func hogIsRequiredWithoutATemplate() {
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "Required.", "attr": "hog"}"#
    ) {
      _ = try rules.validateCreate(json(#"{"name": "No code"}"#))
    }
  }

  @Test func hogOver100KBIsRefused() throws {
    let limit = String(repeating: "a", count: 100 * 1024)
    #expect(try rules.validateCreate(createBody().merging(["hog": .string(limit)]) { $1 })["hog"] != nil)
    let error = emulatorError {
      _ = try rules.validateCreate(createBody().merging(["hog": .string(limit + "a")]) { $1 })
    }
    #expect(error?.body?["attr"] == "hog")
    #expect(error?.body?["detail"]?.stringValue?.hasPrefix("HOG code exceeds maximum size of 100KB.") == true)
  }

  @Test func hogThatCannotCompileIsRefused() {
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "Hog code has errors.", "attr": "hog"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"hog": "fetch(inputs.url, {'method': 'POST'}"}"#)) }
  }

  @Test func trailingWhiteSpaceIsStrippedFromHog() throws {
    #expect(
      try rules.validateCreate(createBody(#"{"hog": "  return event  \n\n"}"#))["hog"] == "  return event")
  }

  @Test func siteTypesAreTranspiledNotCompiled() throws {
    let record = try rules.validateCreate(
      createBody(#"{"type": "site_app", "hog": "export function onLoad() { console.log('(') }"}"#))
    #expect(record["bytecode"] == .null)
    #expect(record["transpiled"]?.stringValue?.contains("export function onLoad()") == true)
  }

  @Test func executionOrderIsBounded() throws {
    #expect(try rules.validateCreate(createBody(#"{"execution_order": 32767}"#))["execution_order"] == 32767)
    expectError(
      #"{"type": "validation_error", "code": "max_value", "detail": "Ensure this value is less than or equal to 32767.", "attr": "execution_order"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"execution_order": 32768}"#)) }
    expectError(
      #"{"type": "validation_error", "code": "min_value", "detail": "Ensure this value is greater than or equal to 0.", "attr": "execution_order"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"execution_order": -1}"#)) }
  }

  @Test func writeOnlyAndReadOnlyFieldsAreNotStoredFromTheBody() throws {
    let record = try rules.validateCreate(
      createBody(
        #"{"deleted": false, "_create_in_folder": "Unfiled", "id": "x", "bytecode": [1], "status": {}}"#))
    for field in ["deleted", "_create_in_folder", "id", "status"] { #expect(record[field] == nil) }
    #expect(record["bytecode"] == BytecodePlaceholder.of("print('hi')"))
  }

  @Test func theFirstErrorInFieldOrderIsReported() {
    expectError(
      #"{"type": "validation_error", "code": "invalid_choice", "detail": "\"nope\" is not a valid choice.", "attr": "type"}"#
    ) { _ = try rules.validateCreate(json(#"{"type": "nope", "enabled": "maybe"}"#)) }
  }
}
