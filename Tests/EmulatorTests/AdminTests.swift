import Foundation
import Testing

@testable import Emulator

@Suite("Admin API")
struct AdminTests {
  @Test func statsCountRequestsByMethodAndRoute() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination())
      _ = try await client.get(id)
      _ = try await client.get(id + "/")
      _ = try await client.get("/api/projects/@current/hog_functions")
      _ = try await client.with(key: nil).get()
      let stats = try await client.admin("GET", "stats").json
      #expect(stats["total"] == 5)
      #expect(
        stats["requests"]
          == raw(
            #"""
            {"POST /api/environments/{project_id}/hog_functions/": 1,
             "GET /api/environments/{project_id}/hog_functions/{id}/": 2,
             "GET /api/projects/{project_id}/hog_functions/": 1,
             "GET /api/environments/{project_id}/hog_functions/": 1}
            """#))
    }
  }

  @Test func statsCountResponsesByStatusAndDrops() async throws {
    try await withEmulator { client async throws in
      _ = try await client.create(destination())
      _ = try await client.get()
      _ = try await client.get("0190d0a4-0000-7000-8000-000000000000/")
      _ = try await client.with(key: nil).get()
      _ = try await client.admin("POST", "faults", #"{"kind": "drop"}"#)
      _ = try? await client.get()
      let responses = try await client.admin("GET", "stats").json["responses"]
      #expect(responses?["201"] == 1)
      #expect(responses?["404"] == 1)
      #expect(responses?["401"] == 1)
      #expect(responses?["dropped"] == 1)
      // libcurl may send a GET again after its connection was cut, and that one is answered.
      #expect((1...2).contains(responses?["200"]?.intValue ?? 0))
    }
  }

  @Test(arguments: [("DELETE", "stats"), ("POST", "stats/reset")])
  func statsReset(method: String, path: String) async throws {
    try await withEmulator { client async throws in
      _ = try await client.get()
      let reset = try await client.admin(method, path)
      #expect(reset.status == 200)
      #expect(try await client.admin("GET", "stats").json["total"] == 0)
    }
  }

  @Test func resetEmptiesEverything() async throws {
    try await withEmulator { client async throws in
      _ = try await client.create(destination())
      _ = try await client.admin("POST", "faults", #"{"status": 500, "path": "/nothing/matches"}"#)
      #expect(try await client.admin("POST", "reset").status == 200)
      #expect(try await client.get().json["count"] == 0)
      #expect(try await client.admin("GET", "faults").json["faults"] == [])
      #expect(try await client.admin("GET", "stats").json["total"] == 1)
    }
  }

  @Test func seedKeepsGivenServerFields() async throws {
    try await withEmulator { client async throws in
      let id = "0190d0a4-1111-7000-8000-000000000042"
      let body = #"""
        {"functions": [
          {"id": "\#(id)", "name": "seeded", "type": "transformation", "hog": "return event", "enabled": true,
           "execution_order": 9, "created_at": "2024-05-01T10:00:00.000Z", "updated_at": "2024-05-02T10:00:00.000Z"},
          {"name": "hidden", "hog": "return 1", "deleted": true}
        ]}
        """#
      let seeded = try await client.admin("POST", "seed", body)
      #expect(seeded.status == 201)
      #expect(seeded.json["functions"]?.arrayValue?.count == 2)
      let fetched = try await client.get(id).json
      #expect(fetched["execution_order"] == 9)
      #expect(fetched["created_at"] == "2024-05-01T10:00:00.000Z")
      #expect(fetched["updated_at"] == "2024-05-02T10:00:00.000Z")
      #expect(try await client.get().json["count"] == 1)
    }
  }

  @Test func seedValidatesLikeCreate() async throws {
    try await withEmulator { client async throws in
      let result = try await client.admin(
        "POST", "seed", #"{"functions": [{"name": "ok", "hog": "1"}, {"name": "no code"}]}"#)
      #expect(result.status == 400)
      #expect(result.json["attr"] == "functions__1__hog")
      // The valid first function is not kept either.
      #expect(try await client.get().json["count"] == 0)
    }
  }

  @Test func bodiesOverTheUploadLimitAre413() async throws {
    try await withEmulator { client async throws in
      let padding = String(repeating: "x", count: 17 * 1024 * 1024)
      let body = #"{"name": "big", "hog": "return event", "description": "\#(padding)"}"#
      let created = try await client.post("", body)
      #expect(created.status == 413)
      #expect(created.json["detail"] == "Request body too large.")
      let seeded = try await client.admin("POST", "seed", #"{"functions": [\#(body)]}"#)
      #expect(seeded.status == 413)
      #expect(try await client.get().json["count"] == 0)
    }
  }

  @Test func adminIsNotCountedOrFaulted() async throws {
    try await withEmulator { client async throws in
      _ = try await client.admin("POST", "faults", #"{"status": 500, "count": 3}"#)
      #expect(try await client.admin("GET", "stats").status == 200)
      #expect(try await client.admin("GET", "stats").json["total"] == 0)
    }
  }
}
