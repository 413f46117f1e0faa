import Foundation
import Testing

@testable import Emulator

@Suite("Scripted and random faults")
struct FaultTests {
  @Test func statusFaultsHitTheNextNMatchingRequests() async throws {
    try await withEmulator { client async throws in
      let script =
        #"{"method": "GET", "path": "/api/environments/*/hog_functions/", "count": 2, "kind": "status", "status": 503}"#
      let added = try await client.admin("POST", "faults", script)
      #expect(added.status == 201)
      #expect(added.json["faults"]?[0]?["count"] == 2)
      let first = try await client.get()
      #expect(first.status == 503)
      #expect(
        first.json
          == raw(#"{"type":"server_error","code":"error","detail":"A server error occurred.","attr":null}"#))
      #expect(try await client.get().status == 503)
      #expect(try await client.get().status == 200)
      #expect(try await client.admin("GET", "faults").json == raw(#"{"faults": []}"#))
    }
  }

  @Test func faultsOnlyMatchTheirMethodAndPath() async throws {
    try await withEmulator { client async throws in
      _ = try await client.admin(
        "POST", "faults",
        #"{"method": "PATCH", "path": "/api/*/{project_id}/hog_functions/{id}/", "status": 500}"#)
      let id = try await client.create(destination())
      #expect(try await client.get(id).status == 200)
      #expect(try await client.patch(id + "/", #"{"name": "x"}"#).status == 500)
      #expect(try await client.patch(id + "/", #"{"name": "y"}"#).status == 200)
    }
  }

  @Test func aStatusFaultMayCarryItsOwnBody() async throws {
    try await withEmulator { client async throws in
      _ = try await client.admin("POST", "faults", #"{"status": 429, "body": {"detail": "slow down"}}"#)
      let result = try await client.get()
      #expect(result.status == 429)
      #expect(result.json == raw(#"{"detail": "slow down"}"#))
    }
  }

  @Test func delayFaultsWaitThenAnswer() async throws {
    try await withEmulator { client async throws in
      _ = try await client.admin("POST", "faults", #"{"kind": "delay", "delay_ms": 300, "path": "/api/**"}"#)
      let start = ContinuousClock.now
      let result = try await client.get()
      #expect(result.status == 200)
      #expect(ContinuousClock.now - start >= .milliseconds(300))
    }
  }

  @Test func dropFaultsCloseTheConnectionWithoutAResponse() async throws {
    try await withEmulator { client async throws in
      _ = try await client.admin("POST", "faults", #"{"kind": "drop", "method": "GET"}"#)
      await #expect(throws: (any Error).self) { _ = try await RawClient(client.emulator).get() }
      #expect(try await RawClient(client.emulator).get().status == 200)
    }
  }

  @Test func commitThenFailStoresTheChangeAndAnswers500() async throws {
    try await withEmulator { client async throws in
      _ = try await client.admin("POST", "faults", #"{"kind": "commit_then_fail", "method": "POST"}"#)
      let result = try await client.post("", destination("committed"))
      #expect(result.status == 500)
      #expect(result.json["type"] == "server_error")
      let list = try await client.get()
      #expect(list.json["count"] == 1)
      #expect(list.json["results"]?[0]?["name"] == "committed")
    }
  }

  @Test func commitThenDropStoresTheChangeAndCutsTheConnection() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(destination("before"))
      _ = try await client.admin(
        "POST", "faults", #"{"kind": "commit_then_fail", "then": "drop", "method": "PATCH"}"#)
      await #expect(throws: (any Error).self) {
        _ = try await RawClient(client.emulator).patch(id + "/", #"{"name": "after"}"#)
      }
      #expect(try await client.get(id).json["name"] == "after")
    }
  }

  @Test(arguments: [
    #"{"kind": "explode"}"#, #"{"kind": "delay"}"#, #"{"count": 0, "status": 500}"#, #"{"status": 700}"#,
  ])
  func badFaultScriptsAreRejected(script: String) async throws {
    try await withEmulator { client async throws in
      let result = try await client.admin("POST", "faults", script)
      #expect(result.status == 400)
      #expect(result.json["type"] == "validation_error")
    }
  }

  @Test func clearingFaults() async throws {
    try await withEmulator { client async throws in
      _ = try await client.admin("POST", "faults", #"[{"status": 500, "count": 5}, {"kind": "drop"}]"#)
      #expect(try await client.admin("GET", "faults").json["faults"]?.arrayValue?.count == 2)
      _ = try await client.admin("DELETE", "faults")
      #expect(try await client.get().status == 200)
    }
  }

  /// Outcome of one request on its own connection: the status, or 0 for a dropped connection.
  static func outcomes(seed: UInt64, count: Int) async throws -> [Int] {
    let emulator = try await startEmulator(.test(faultRate: 1, seed: seed))
    var results: [Int] = []
    for _ in 0..<count {
      let status = try? await RawClient(emulator).get().status
      results.append(status ?? 0)
    }
    await emulator.shutdown()
    return results
  }

  @Test func randomFaultsFollowTheSeed() async throws {
    let first = try await Self.outcomes(seed: 42, count: 8)
    let second = try await Self.outcomes(seed: 42, count: 8)
    #expect(first == second)
    #expect(first.allSatisfy { [0, 200, 500, 502, 503].contains($0) })
    #expect(first.contains { $0 != 200 })
  }

  @Test func latencyIsAddedToEveryRequest() async throws {
    try await withEmulator(.test(latency: 150...150)) { client async throws in
      let start = ContinuousClock.now
      _ = try await client.get()
      _ = try await client.get()
      #expect(ContinuousClock.now - start >= .milliseconds(300))
    }
  }
}
