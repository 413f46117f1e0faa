import HogctlJSON
import Testing

@testable import Emulator

@Suite struct SecretInputsTests {
  let schema = #"""
    "inputs_schema": [
      {"key": "url", "type": "string", "required": true},
      {"key": "token", "type": "string", "secret": true},
      {"key": "note", "type": "string"}
    ]
    """#

  func stored() throws -> JSONObject {
    try rules.validateCreate(
      createBody(
        "{\(schema), "
          + #""inputs": {"url": {"value": "https://x"}, "token": {"value": "s3cret"}, "note": {"value": "n"}}}"#
      ))
  }

  @Test func theValueIsStoredButRenderedAsAMarker() throws {
    let record = try stored()
    #expect(record["inputs"]?["token"]?["value"] == "s3cret")
    let rendered = rules.render(record, full: true)
    #expect(rendered["inputs"]?["token"] == ["secret": true])
    #expect(!JSONValue.object(rendered).serialized().contains("s3cret"))
  }

  @Test func anUnsetSecretIsLeftOutOfResponses() throws {
    let record = try rules.validateCreate(
      createBody("{\(schema), " + #""inputs": {"url": {"value": "https://x"}}}"#))
    #expect(rules.render(record, full: true)["inputs"]?["token"] == nil)
  }

  @Test(arguments: [
    #"{"inputs": {"url": {"value": "https://y"}, "token": {"secret": true}}}"#,
    #"{"inputs": {"url": {"value": "https://y"}, "token": {"secret": true, "value": "********"}}}"#,
    #"{"inputs": {"url": {"value": "https://y"}}}"#,
    #"{"name": "renamed"}"#,
  ])
  func theStoredValueIsKept(patch: String) throws {
    let updated = try rules.validateUpdate(json(patch), existing: try stored())
    #expect(updated["inputs"]?["token"]?["value"] == "s3cret")
  }

  @Test func aNewValueReplacesIt() throws {
    let updated = try rules.validateUpdate(
      json(#"{"inputs": {"url": {"value": "https://y"}, "token": {"value": "n3w"}}}"#), existing: try stored()
    )
    #expect(updated["inputs"]?["token"]?["value"] == "n3w")
  }

  @Test func aPatchWithInputsReplacesNonSecretKeys() throws {
    let updated = try rules.validateUpdate(
      json(#"{"inputs": {"url": {"value": "https://y"}}}"#), existing: try stored())
    #expect(updated["inputs"]?["note"] == nil)
    #expect(updated["inputs"]?["url"]?["value"] == "https://y")
  }

  @Test func theMarkerWithNothingStoredIsRefused() throws {
    let record = try rules.validateCreate(
      createBody("{\(schema), " + #""inputs": {"url": {"value": "https://x"}}}"#))
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "No value is saved for this secret input. Enter the value again.", "attr": "inputs__token"}"#
    ) {
      _ = try rules.validateUpdate(
        json(#"{"inputs": {"url": {"value": "https://x"}, "token": {"secret": true}}}"#), existing: record)
    }
  }
}
