import Foundation
import HogctlJSON
import Testing

@testable import Emulator

@Suite("Rearrange")
struct RearrangeTests {
  static func error(_ detail: String) -> JSONValue {
    .object(["type": "validation_error", "code": "invalid_input", "detail": .string(detail), "attr": .null])
  }

  @Test func setsEveryOrderAndAnswersAPlainArray() async throws {
    try await withEmulator { client async throws in
      let a = try await client.create(transformation("a"))
      let b = try await client.create(transformation("b"))
      let c = try await client.create(transformation("c"))
      _ = try await client.create(destination())
      let result = try await client.patch("rearrange/", #"{"orders": {"\#(a)": 3, "\#(b)": 1, "\#(c)": 2}}"#)
      #expect(result.status == 200)
      let items = try #require(result.json.arrayValue)
      #expect(items.map { $0["id"] } == [.string(b), .string(c), .string(a)])
      #expect(items.map { $0["execution_order"] } == [1, 2, 3])
      #expect(try await client.get(a).json["execution_order"] == 3)
    }
  }

  @Test(arguments: [#"{"orders": {}}"#, #"{}"#])
  func noOrdersIsAnError(body: String) async throws {
    try await withEmulator { client async throws in
      let result = try await client.patch("rearrange/", body)
      #expect(result.status == 400)
      #expect(result.json == Self.error("No orders provided"))
    }
  }

  @Test func anUnknownIdIsAnError() async throws {
    try await withEmulator { client async throws in
      let unknown = UUID().uuidString.lowercased()
      let result = try await client.patch("rearrange/", #"{"orders": {"\#(unknown)": 1}}"#)
      #expect(result.status == 400)
      #expect(result.json == Self.error("HogFunction with id \(unknown) does not exist"))
    }
  }

  @Test func aDeletedIdIsAnError() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(transformation("gone"))
      _ = try await client.patch(id + "/", #"{"deleted": true}"#)
      let result = try await client.patch("rearrange/", #"{"orders": {"\#(id)": 1}}"#)
      #expect(result.json == Self.error("HogFunction with id \(id) does not exist"))
    }
  }

  @Test func aNonTransformationIdIsAnError() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination())
      let result = try await client.patch("rearrange/", #"{"orders": {"\#(id)": 1}}"#)
      #expect(result.json == Self.error("HogFunction with id \(id) does not exist"))
    }
  }

  @Test func allOrNothing() async throws {
    try await withEmulator { client async throws in
      let a = try await client.create(transformation("a"))
      let unknown = UUID().uuidString.lowercased()
      let result = try await client.patch("rearrange/", #"{"orders": {"\#(a)": 7, "\#(unknown)": 1}}"#)
      #expect(result.status == 400)
      #expect(try await client.get(a).json["execution_order"] == 1)
    }
  }

  @Test func aNonIntegerOrderIsAnError() async throws {
    try await withEmulator { client async throws in
      let a = try await client.create(transformation("a"))
      let result = try await client.patch("rearrange/", #"{"orders": {"\#(a)": "first"}}"#)
      #expect(result.status == 400)
      #expect(result.json["attr"] == .string("orders__\(a)"))
      #expect(try await client.get(a).json["execution_order"] == 1)
    }
  }

  /// Only `transformation` has an execution order among the spec's types, so mixed types cannot
  /// be sent over HTTP; the rule is checked on the store's own records.
  @Test func mixedTypesAreAnError() {
    #expect(ExecutionOrder.mixedTypesError(["transformation"]) == nil)
    #expect(
      ExecutionOrder.mixedTypesError(["transformation", "transformation_log"])
        == EmulatorError.nonField("Cannot rearrange functions of different types in one request"))
  }

  @Test func theRearrangeRouteIsNotAnId() async throws {
    try await withEmulator { client async throws in
      let get = try await client.get("rearrange/")
      #expect(get.status == 405)
      #expect(
        get.json
          == raw(
            #"{"type":"invalid_request","code":"method_not_allowed","detail":"Method \"GET\" not allowed.","attr":null}"#
          ))
      let withoutSlash = try await client.send("PATCH", "rearrange", #"{"orders": {}}"#)
      #expect(withoutSlash.json == Self.error("No orders provided"))
    }
  }
}
