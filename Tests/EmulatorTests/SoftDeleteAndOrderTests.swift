import Foundation
import HogctlJSON
import Testing

@testable import Emulator

@Suite("Soft delete, restore and execution order")
struct SoftDeleteAndOrderTests {
  @Test func patchDeletedTrueHidesTheFunction() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination())
      let deleted = try await client.patch(id + "/", #"{"deleted": true}"#)
      #expect(deleted.status == 200)
      #expect(deleted.json["deleted"] == nil)
      #expect(try await client.get(id).status == 404)
      #expect(try await client.get().json["count"] == 0)
      #expect(try await client.patch(id + "/", #"{"name": "x"}"#).status == 404)
      #expect(try await client.patch(id + "/", #"{"deleted": true}"#).status == 404)
    }
  }

  @Test func patchDeletedFalseRestores() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination("Keep me"))
      _ = try await client.patch(id + "/", #"{"deleted": true}"#)
      let restored = try await client.patch(id + "/", #"{"deleted": false}"#)
      #expect(restored.status == 200)
      #expect(restored.json["name"] == "Keep me")
      #expect(try await client.get(id).status == 200)
      #expect(try await client.get().json["count"] == 1)
    }
  }

  @Test func transformationsGetTheNextOrder() async throws {
    try await withEmulator { client async throws in
      var orders: [JSONValue?] = []
      for name in ["a", "b", "c"] {
        orders.append(try await client.post("", transformation(name)).json["execution_order"])
      }
      #expect(orders == [1, 2, 3])
    }
  }

  @Test func explicitOrdersAreKeptAndMayRepeat() async throws {
    try await withEmulator { client async throws in
      let first = try await client.post("", transformation("a", extra: #", "execution_order": 5"#))
      let second = try await client.post("", transformation("b", extra: #", "execution_order": 5"#))
      #expect(first.json["execution_order"] == 5)
      #expect(second.json["execution_order"] == 5)
      #expect(try await client.post("", transformation("c")).json["execution_order"] == 6)
    }
  }

  @Test func otherTypesKeepWhatIsSent() async throws {
    try await withEmulator { client async throws in
      #expect(try await client.post("", destination()).json["execution_order"] == .null)
      #expect(
        try await client.post("", destination(extra: #", "execution_order": 9"#)).json["execution_order"] == 9
      )
    }
  }

  @Test func restoringATransformationMovesItToTheEnd() async throws {
    try await withEmulator { client async throws in
      let first = try await client.create(transformation("a"))
      _ = try await client.create(transformation("b"))
      _ = try await client.patch(first + "/", #"{"deleted": true}"#)
      _ = try await client.create(transformation("c"))
      let restored = try await client.patch(first + "/", #"{"deleted": false}"#)
      #expect(restored.json["execution_order"] == 4)
    }
  }

  @Test func reEnablingWithoutAnOrderMovesToTheEnd() async throws {
    try await withEmulator { client async throws in
      let first = try await client.create(transformation("a"))
      _ = try await client.create(transformation("b"))
      _ = try await client.patch(first + "/", #"{"enabled": false}"#)
      #expect(try await client.patch(first + "/", #"{"enabled": true}"#).json["execution_order"] == 3)
      _ = try await client.patch(first + "/", #"{"enabled": false}"#)
      let explicit = try await client.patch(first + "/", #"{"enabled": true, "execution_order": 1}"#)
      #expect(explicit.json["execution_order"] == 1)
    }
  }

  static let capDetail =
    "Maximum of 20 enabled transformation functions allowed per team. Please contact support if you need this limit increased, or disable some existing ones."

  @Test func atMostTwentyEnabledTransformations() async throws {
    try await withEmulator { client async throws in
      for index in 0..<20 { _ = try await client.create(transformation("t\(index)")) }
      let over = try await client.post("", transformation("t20"))
      #expect(over.status == 400)
      #expect(
        over.json
          == .object([
            "type": "validation_error", "code": "invalid_input", "detail": .string(Self.capDetail),
            "attr": "type",
          ]))
      let disabled = try await client.create(transformation("off", enabled: false))
      let enabling = try await client.patch(disabled + "/", #"{"enabled": true}"#)
      #expect(enabling.status == 400)
      #expect(enabling.json["detail"] == .string(Self.capDetail))
      #expect(try await client.patch(disabled + "/", #"{"name": "renamed"}"#).status == 200)
    }
  }

  @Test func anEnabledTransformationCanBeEditedAtTheCap() async throws {
    try await withEmulator { client async throws in
      var ids: [String] = []
      for index in 0..<20 { ids.append(try await client.create(transformation("t\(index)"))) }
      #expect(try await client.patch(ids[0] + "/", #"{"name": "still fine"}"#).status == 200)
      _ = try await client.patch(ids[1] + "/", #"{"deleted": true}"#)
      #expect(try await client.post("", transformation("fits again")).status == 201)
    }
  }
}
