import Foundation
import HogctlJSON
import Testing

@testable import Emulator

@Suite("Persistence with --state")
struct PersistenceTests {
  @Test func restartingWithTheSameStateKeepsEveryFunctionExactly() async throws {
    let path = temporaryPath("restart.json")
    let secretSchema =
      #"[{"key": "token", "type": "string", "secret": true}, {"key": "url", "type": "string"}]"#
    var before: JSONValue = .null
    var secretID = ""
    try await withEmulator(.test(statePath: path)) { client async throws in
      secretID = try await client.create(
        destination(
          "secret",
          extra:
            #", "inputs_schema": \#(secretSchema), "inputs": {"token": {"value": "t0k"}, "url": {"value": "u"}}"#
        ))
      let gone = try await client.create(destination("deleted later"))
      for index in 0..<5 { _ = try await client.create(transformation("t\(index)")) }
      _ = try await client.patch(gone + "/", #"{"deleted": true}"#)
      before = try await client.get("?full=true&limit=500").json
    }
    try await withEmulator(.test(statePath: path)) { client async throws in
      let after = try await client.get("?full=true&limit=500").json
      #expect(after == before)
      #expect(after["count"] == 6)
      let kept = try await client.patch(
        secretID + "/", #"{"inputs": {"token": {"secret": true}, "url": {"value": "v"}}}"#)
      #expect(kept.status == 200, "the secret survived the restart: \(kept.text)")
      #expect(try await client.create(transformation("next")) != "")
      #expect(try await client.get("?type=transformation").json["results"]?[5]?["execution_order"] == 6)
    }
  }

  @Test func aCorruptStateFileStopsStartupAndIsLeftAlone() async throws {
    let path = temporaryPath("corrupt.json")
    let garbage = Data(#"{"version": 1, "functions": [oops"#.utf8)
    try garbage.write(to: URL(fileURLWithPath: path))
    await #expect(throws: EmulatorStartupError.self) { _ = try await startEmulator(.test(statePath: path)) }
    do {
      _ = try await startEmulator(.test(statePath: path))
    } catch let error as EmulatorStartupError {
      #expect(error.description.contains(path))
      #expect(error.description.contains("left untouched"))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
  }

  @Test func everyChangeIsWrittenAtomically() async throws {
    let directory = temporaryPath("dir")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/state.json"
    try await withEmulator(.test(statePath: path)) { client async throws in
      let id = try await client.create(destination("one"))
      var saved = try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(saved["functions"]?.arrayValue?.count == 1)
      _ = try await client.patch(id + "/", #"{"name": "two"}"#)
      saved = try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(saved["functions"]?[0]?["record"]?["name"] == "two")
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
      #expect(leftovers == ["state.json"])
    }
  }

  @Test func aMissingStateFileStartsEmpty() async throws {
    let path = temporaryPath("fresh.json")
    try await withEmulator(.test(statePath: path)) { client async throws in
      #expect(try await client.get().json["count"] == 0)
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }
}

@Suite("Concurrency")
struct ConcurrencyTests {
  @Test func twoHundredConcurrentCreatesAndPatchesLoseNothing() async throws {
    try await withEmulator { client async throws in
      let shared = RawClient(client.emulator)
      let ids = try await withThrowingTaskGroup(of: String.self) { group in
        for index in 0..<200 {
          group.addTask {
            let id = try await shared.create(destination("fn \(index)", extra: #", "description": "0""#))
            let patched = try await shared.patch(id + "/", #"{"description": "patched \#(index)"}"#)
            #expect(patched.status == 200)
            return id
          }
        }
        var ids: [String] = []
        for try await id in group { ids.append(id) }
        return ids
      }
      #expect(Set(ids).count == 200)
      let list = try await client.get("?limit=500")
      #expect(list.json["count"] == 200)
      let descriptions = Set(
        list.json["results"]?.arrayValue?.compactMap { $0["description"]?.stringValue } ?? [])
      #expect(descriptions == Set((0..<200).map { "patched \($0)" }))
      let stats = try await client.admin("GET", "stats").json
      #expect(stats["requests"]?["POST /api/environments/{project_id}/hog_functions/"] == 200)
      #expect(stats["requests"]?["PATCH /api/environments/{project_id}/hog_functions/{id}/"] == 200)
    }
  }

  @Test func concurrentPatchesOfOneTransformationKeepTheOrderSane() async throws {
    try await withEmulator { client async throws in
      let id = try await client.create(transformation("shared"))
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 0..<50 {
          group.addTask {
            let result = try await client.patch(id + "/", #"{"name": "n\#(index)"}"#)
            #expect(result.status == 200)
          }
        }
        try await group.waitForAll()
      }
      let fetched = try await client.get(id).json
      #expect(fetched["execution_order"] == 1)
      #expect(fetched["name"]?.stringValue?.hasPrefix("n") == true)
    }
  }
}
