import Foundation
import Testing

@testable import Emulator

@Suite("Create, retrieve, update, delete")
struct CRUDTests {
  static var uuidPattern: Regex<Substring> {
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
  }
  static var timestampPattern: Regex<Substring> { /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/ }

  @Test func createAnswers201WithServerFields() async throws {
    try await withEmulator { client async throws in
      let result = try await client.post("", #"{"name": "Hook", "hog": "return 1"}"#)
      #expect(result.status == 201)
      let body = result.json
      #expect(body["id"]?.stringValue?.wholeMatch(of: Self.uuidPattern) != nil)
      #expect(body["created_at"]?.stringValue?.wholeMatch(of: Self.timestampPattern) != nil)
      #expect(body["updated_at"]?.stringValue?.wholeMatch(of: Self.timestampPattern) != nil)
      #expect(body["type"] == "destination")
      #expect(body["enabled"] == false)
      #expect(body["name"] == "Hook")
      #expect(body["execution_order"] == .null)
      let user = try #require(body["created_by"]?.objectValue)
      #expect(
        Set(user.keys)
          == [
            "id", "uuid", "distinct_id", "first_name", "last_name", "email", "is_email_verified",
            "hedgehog_config", "role_at_organization",
          ])
      #expect(body["deleted"] == nil)
      #expect(body["template_id"] == nil)
      #expect(body["status"]?["state"] == 0)
    }
  }

  @Test func retrieveReturnsWhatCreateReturned() async throws {
    try await withEmulator { client async throws in
      let created = try await client.post("", destination())
      let id = try #require(created.json["id"]?.stringValue)
      let fetched = try await client.get(id + "/")
      #expect(fetched.status == 200)
      #expect(fetched.json == created.json)
    }
  }

  @Test func retrieveUnknownIs404() async throws {
    try await withEmulator { client async throws in
      let result = try await client.get(UUID().uuidString.lowercased() + "/")
      #expect(result.status == 404)
      #expect(
        result.json
          == raw(#"{"type":"invalid_request","code":"not_found","detail":"Not found.","attr":null}"#))
    }
  }

  @Test func patchChangesOnlyTheSentFields() async throws {
    try await withEmulator { client async throws in
      let created = try await client.post("", destination("Before", extra: #", "description": "kept""#)).json
      let id = try #require(created["id"]?.stringValue)
      try await Task.sleep(for: .milliseconds(5))
      let patched = try await client.patch(id + "/", #"{"name": "After"}"#)
      #expect(patched.status == 200)
      #expect(patched.json["name"] == "After")
      #expect(patched.json["description"] == "kept")
      #expect(patched.json["created_at"] == created["created_at"])
      #expect(patched.json["updated_at"] != created["updated_at"])
      #expect(try await client.get(id).json["name"] == "After")
    }
  }

  @Test func putBehavesLikePatch() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination("Before", extra: #", "description": "kept""#))
      let put = try await client.send("PUT", id + "/", #"{"name": "Put"}"#)
      #expect(put.status == 200)
      #expect(put.json["name"] == "Put")
      #expect(put.json["description"] == "kept")
    }
  }

  @Test func unknownRoutesAre404AndWrongMethodsAre405() async throws {
    try await withEmulator { client async throws in
      let unknown = try await client.get("/api/environments/1/nothing_here/")
      #expect(unknown.status == 404)
      #expect(unknown.json["code"] == "not_found")
      let id = try await client.create(destination())
      let post = try await client.post(id + "/", "{}")
      #expect(post.status == 405)
      #expect(post.json["code"] == "method_not_allowed")
    }
  }

  @Test func deleteIs405WithAnEmptyBody() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination())
      let result = try await client.send("DELETE", id + "/")
      #expect(result.status == 405)
      #expect(result.body.isEmpty)
      #expect(try await client.get(id).status == 200)
    }
  }

  @Test(arguments: ["POST", "PATCH", "PUT"])
  func malformedJSONIsParseError(method: String) async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination())
      let path = method == "POST" ? "" : id + "/"
      let result = try await client.send(method, path, #"{"name": "#)
      #expect(result.status == 400)
      #expect(result.json["type"] == "invalid_request")
      #expect(result.json["code"] == "parse_error")
      #expect(result.json["attr"] == .null)
      #expect(result.json["detail"]?.stringValue?.isEmpty == false)
    }
  }

  @Test func hogIsRequiredOnCreate() async throws {
    try await withEmulator { client async throws in
      let result = try await client.post("", #"{"name": "No code"}"#)
      #expect(result.status == 400)
      #expect(result.json["attr"] == "hog")
      #expect(result.json["detail"] == "Required.")
      #expect(result.json["type"] == "validation_error")
    }
  }

  @Test func unknownTypeIsInvalidChoice() async throws {
    try await withEmulator { client async throws in
      let result = try await client.post("", #"{"name": "x", "type": "webhook", "hog": "return 1"}"#)
      #expect(result.status == 400)
      #expect(result.json["attr"] == "type")
      #expect(result.json["code"] == "invalid_choice")
    }
  }

  @Test func typeCannotChangeAfterCreate() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination())
      let result = try await client.patch(id + "/", #"{"type": "transformation"}"#)
      #expect(result.status == 400)
      #expect(
        result.json
          == raw(
            #"{"type":"validation_error","code":"invalid_input","detail":"Cannot modify the type of an existing function","attr":"type"}"#
          ))
    }
  }

  @Test func enabledAcceptsTheStringFalse() async throws {
    try await withEmulator { client async throws in
      let result = try await client.post("", destination(extra: #", "enabled": "false""#))
      #expect(result.status == 201)
      #expect(result.json["enabled"] == false)
    }
  }

  @Test func unknownTemplateIsRejected() async throws {
    try await withEmulator { client async throws in
      let result = try await client.post("", #"{"name": "x", "template_id": "template-nope"}"#)
      #expect(result.status == 400)
      #expect(result.json["attr"] == "template_id")
      #expect(result.json["detail"] == "No template found for id 'template-nope'")
    }
  }

  @Test func templateFillsCodeAndSchema() async throws {
    try await withEmulator { client async throws in
      let result = try await client.post(
        "", #"{"template_id": "template-webhook", "inputs": {"url": {"value": "https://example.com"}}}"#)
      #expect(result.status == 201, "\(result.text)")
      #expect(result.json["hog"]?.stringValue?.isEmpty == false)
      let keys = result.json["inputs_schema"]?.arrayValue?.compactMap { $0["key"]?.stringValue } ?? []
      #expect(Set(keys).isSuperset(of: ["url", "method", "body", "headers", "debug"]))
      #expect(result.json["template"]?["id"] == "template-webhook")
      #expect(result.json["name"]?.stringValue?.isEmpty == false)
    }
  }

  @Test func hogOver100KBIsRejected() async throws {
    try await withEmulator { client async throws in
      let big = String(repeating: "a", count: 100 * 1024 + 1)
      let result = try await client.post("", #"{"name": "big", "hog": "\#(big)"}"#)
      #expect(result.status == 400)
      #expect(result.json["attr"] == "hog")
    }
  }

  @Test func mappingsOnlyForDestinations() async throws {
    try await withEmulator { client async throws in
      let result = try await client.post("", transformation("t", extra: #", "mappings": [{"name": "m"}]"#))
      #expect(result.status == 400)
      #expect(result.json["attr"] == "mappings")
      #expect(result.json["detail"] == "Mappings are only allowed for destinations.")
    }
  }

  @Test func requiredInputWithoutValueIsRejected() async throws {
    try await withEmulator { client async throws in
      let body = destination(
        extra:
          #", "inputs_schema": [{"key": "url", "type": "string", "required": true}], "inputs": {"url": {"value": ""}}"#
      )
      let result = try await client.post("", body)
      #expect(result.status == 400)
      #expect(result.json["attr"] == "inputs__url")
      #expect(result.json["detail"] == "This field is required.")
    }
  }

  @Test func inputsOutsideTheSchemaAreDroppedAndSchemaDefaultsFilled() async throws {
    try await withEmulator { client async throws in
      let body = destination(
        extra:
          #", "inputs_schema": [{"key": "url", "type": "string"}], "inputs": {"url": {"value": "u"}, "stray": {"value": 1}}"#
      )
      let result = try await client.post("", body)
      #expect(result.status == 201)
      #expect(result.json["inputs"]?["stray"] == nil)
      #expect(result.json["inputs"]?["url"]?["value"] == "u")
      let item = result.json["inputs_schema"]?[0]
      #expect(item?["required"] == false)
      #expect(item?["secret"] == false)
      #expect(item?["hidden"] == false)
    }
  }

  @Test func bytecodeIsThePlaceholderShape() async throws {
    try await withEmulator { client async throws in
      let result = try await client.post("", destination())
      let bytecode = try #require(result.json["bytecode"]?.arrayValue)
      #expect(bytecode.first == "_H")
      #expect(bytecode.count >= 2)
    }
  }
}
