import Foundation
import HogctlJSON
import PostHogAPI

/// An in-memory HogFunctionsAPI that records every call and fails the ones it is told to. It
/// tests the executor's own logic; the real client against the emulator is tested end to end.
actor RecordingStore {
  struct ScriptedFailure {
    var error: any Error
    /// Store the change, then fail: a response lost after the server acted.
    var commitFirst: Bool
  }

  private(set) var functions: [String: HogFunction] = [:]
  private(set) var calls: [String] = []
  private var failures: [String: [ScriptedFailure]] = [:]
  private var nextID = 1

  func fail(_ call: String, with error: any Error, commitFirst: Bool = false) {
    failures[call, default: []].append(ScriptedFailure(error: error, commitFirst: commitFirst))
  }

  func seed(_ raw: JSONObject) {
    let function = HogFunction(raw: raw)
    functions[function.id] = function
  }

  /// Records `call` and runs `change` unless a scripted failure says otherwise.
  private func perform<T>(_ call: String, _ change: () -> T) throws -> T {
    calls.append(call)
    guard var queued = failures[call], !queued.isEmpty else { return change() }
    let failure = queued.removeFirst()
    failures[call] = queued
    if failure.commitFirst { _ = change() }
    throw failure.error
  }

  func list(types: [String]) throws -> [HogFunction] {
    try perform("list") { functions.values.filter { types.contains($0.type) }.sorted { $0.id < $1.id } }
  }

  func create(_ body: JSONObject) throws -> HogFunction {
    try perform("create \(body["name"]?.stringValue ?? "")") {
      var raw = body
      raw["id"] = .string("id-\(nextID)")
      nextID += 1
      let function = HogFunction(raw: raw)
      functions[function.id] = function
      return function
    }
  }

  func update(id: String, _ body: JSONObject) throws -> HogFunction {
    try perform("update \(id)") {
      var raw = functions[id]?.raw ?? [:]
      raw.merge(body) { _, new in new }
      functions[id] = HogFunction(raw: raw)
      return functions[id]!
    }
  }

  func delete(id: String) throws {
    try perform("delete \(id)") { functions[id] = nil }
  }

  func rearrange(_ orders: [String: Int]) throws {
    let text = orders.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    try perform("rearrange \(text.joined(separator: ","))") {
      for (id, order) in orders { functions[id]?.raw["execution_order"] = .number(Double(order)) }
    }
  }

  func broadcast(id: String) throws {
    try perform("broadcast \(id)") {}
  }
}

struct RecordingAPI: HogFunctionsAPI {
  let store = RecordingStore()

  func listHogFunctions(types: [String]) async throws -> [HogFunction] {
    try await store.list(types: types)
  }

  func getHogFunction(id: String) async throws -> HogFunction {
    throw APIError.unsupported("get")
  }

  func createHogFunction(_ body: JSONObject) async throws -> HogFunction {
    try await store.create(body)
  }

  func updateHogFunction(id: String, _ body: JSONObject) async throws -> HogFunction {
    try await store.update(id: id, body)
  }

  func deleteHogFunction(id: String) async throws {
    try await store.delete(id: id)
  }

  func restoreHogFunction(id: String) async throws -> HogFunction {
    throw APIError.unsupported("restore")
  }

  func rearrange(orders: [String: Int]) async throws -> [HogFunction] {
    try await store.rearrange(orders)
    return []
  }

  func broadcast(id: String) async throws {
    try await store.broadcast(id: id)
  }

  func invoke(id: String, body: JSONObject) async throws -> JSONValue {
    throw APIError.unsupported("invoke")
  }

  func template(id: String) async throws -> JSONValue {
    throw APIError.unsupported("template")
  }
}
