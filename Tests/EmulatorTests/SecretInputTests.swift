import Foundation
import HogctlJSON
import Testing

@testable import Emulator

@Suite("Secret inputs")
struct SecretInputTests {
  static let schema =
    #"[{"key": "api_key", "type": "string", "secret": true, "required": true}, {"key": "url", "type": "string"}]"#

  static func body(_ inputs: String) -> String {
    destination(extra: #", "inputs_schema": \#(schema), "inputs": \#(inputs)"#)
  }

  /// The secret value as the state file holds it (the API never shows it).
  static func storedSecret(_ path: String, id: String) throws -> JSONValue? {
    let state = try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: path)))
    let function = state["functions"]?.arrayValue?.first { $0["record"]?["id"]?.stringValue == id }
    return function?["record"]?["inputs"]?["api_key"]?["value"]
  }

  @Test func aSecretIsStoredButNeverReturned() async throws {
    let path = temporaryPath("secret.json")
    try await withEmulator(.test(statePath: path)) { client async throws in
      let created = try await client.post(
        "", Self.body(#"{"api_key": {"value": "s3cret"}, "url": {"value": "u"}}"#))
      #expect(created.status == 201, "\(created.text)")
      #expect(created.json["inputs"]?["api_key"] == raw(#"{"secret": true}"#))
      #expect(!created.text.contains("s3cret"))
      let id = try #require(created.json["id"]?.stringValue)
      let fetched = try await client.get(id)
      #expect(fetched.json["inputs"]?["api_key"] == raw(#"{"secret": true}"#))
      #expect(!fetched.text.contains("s3cret"))
      let listed = try await client.get("?full=true")
      #expect(!listed.text.contains("s3cret"))
      #expect(try Self.storedSecret(path, id: id) == "s3cret")
    }
  }

  @Test(arguments: [
    #"{"api_key": {"secret": true}, "url": {"value": "v2"}}"#,
    #"{"api_key": {"secret": true, "value": "********"}, "url": {"value": "v2"}}"#,
    #"{"url": {"value": "v2"}}"#,
  ])
  func keepMarkersKeepTheStoredValue(inputs: String) async throws {
    let path = temporaryPath("keep.json")
    try await withEmulator(.test(statePath: path)) { client async throws in
      let id = try await client.create(Self.body(#"{"api_key": {"value": "s3cret"}, "url": {"value": "u"}}"#))
      let patched = try await client.patch(id + "/", #"{"inputs": \#(inputs)}"#)
      #expect(patched.status == 200, "\(patched.text)")
      #expect(patched.json["inputs"]?["api_key"] == raw(#"{"secret": true}"#))
      #expect(patched.json["inputs"]?["url"]?["value"] == "v2")
      #expect(try Self.storedSecret(path, id: id) == "s3cret")
    }
  }

  @Test func aNewValueReplacesTheSecret() async throws {
    let path = temporaryPath("replace.json")
    try await withEmulator(.test(statePath: path)) { client async throws in
      let id = try await client.create(Self.body(#"{"api_key": {"value": "old"}}"#))
      let patched = try await client.patch(id + "/", #"{"inputs": {"api_key": {"value": "new"}}}"#)
      #expect(patched.status == 200)
      #expect(!patched.text.contains("\"new\""))
      #expect(try Self.storedSecret(path, id: id) == "new")
    }
  }

  @Test func theMarkerWithNothingStoredIsAnError() async throws {
    try await withEmulator { client async throws in
      let schema = #"[{"key": "api_key", "type": "string", "secret": true}]"#
      let id = try await client.create(destination(extra: #", "inputs_schema": \#(schema)"#))
      let result = try await client.patch(id + "/", #"{"inputs": {"api_key": {"secret": true}}}"#)
      #expect(result.status == 400)
      #expect(
        result.json
          == raw(
            #"{"type":"validation_error","code":"invalid_input","detail":"No value is saved for this secret input. Enter the value again.","attr":"inputs__api_key"}"#
          ))
    }
  }

  @Test func statsCountSecretKeysNeverValues() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(Self.body(#"{"api_key": {"value": "s3cret"}}"#))
      _ = try await client.patch(id + "/", #"{"inputs": {"api_key": {"value": "again"}}}"#)
      _ = try await client.patch(id + "/", #"{"inputs": {"api_key": {"secret": true}}}"#)
      let stats = try await client.admin("GET", "stats")
      #expect(stats.json["secret_inputs"] == .object([id: ["api_key": 2]]))
      #expect(!stats.text.contains("s3cret"))
      #expect(!stats.text.contains("again"))
    }
  }
}
