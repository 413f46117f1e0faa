import Foundation
import HogctlCore

// Stand-ins for the pure rule pieces of Sources/Emulator/Rules/, with the signatures the HTTP
// layer calls. Removed when the real pieces are merged.

struct HogFunctionRules: Sendable {
  let templates: TemplateCatalog
  init(templates: TemplateCatalog) { self.templates = templates }

  func validateCreate(_ body: [String: JSONValue]) throws -> [String: JSONValue] {
    var record = body
    record["type"] = body["type"] ?? "destination"
    record["enabled"] = .bool(body["enabled"]?.boolValue ?? (body["enabled"]?.stringValue == "true"))
    if record["hog"]?.stringValue?.isEmpty ?? true {
      throw EmulatorError.validation("Required.", attr: "hog")
    }
    record["inputs"] = body["inputs"] ?? [:]
    record["inputs_schema"] = body["inputs_schema"] ?? []
    record["filters"] = body["filters"] ?? [:]
    record["bytecode"] = ["_H", 1]
    return record
  }

  func validateUpdate(
    _ body: [String: JSONValue], existing: [String: JSONValue]
  ) throws -> [String: JSONValue] {
    if let type = body["type"], type != existing["type"] {
      throw EmulatorError.validation("Cannot modify the type of an existing function", attr: "type")
    }
    return existing.merging(body) { _, new in new }
  }

  func render(_ stored: [String: JSONValue], full: Bool) -> [String: JSONValue] {
    var object = stored
    object["template_id"] = nil
    if !full {
      for key in ["inputs", "inputs_schema", "mappings", "masking"] { object[key] = nil }
    }
    return object
  }
}

struct TemplateCatalog: Sendable {
  init() {}
  func list(type: String?, types: [String]?) -> [JSONValue] { [] }
  func get(_ id: String) -> JSONValue? { nil }
}

struct IconCatalog: Sendable {
  init() {}
  func search(_ query: String) -> [JSONValue] { [] }
  func png(_ id: String) -> Data? { nil }
}

struct LogBook: Sendable, Codable, Equatable {
  var entries: [JSONValue] = []
  init() {}
  mutating func record(
    sourceID: String, instanceID: String, level: String, message: String, timestamp: Date
  ) {
    entries.append(["log_source_id": .string(sourceID), "message": .string(message)])
  }
  func query(sourceID: String, parameters: [String: String]) throws -> JSONValue {
    ["count": 0, "next": nil, "previous": nil, "results": []]
  }
}

struct MetricsBook: Sendable, Codable, Equatable {
  var entries: [JSONValue] = []
  init() {}
  mutating func record(sourceID: String, kind: String, name: String, count: Int, timestamp: Date) {
    entries.append(["source": .string(sourceID), "name": .string(name)])
  }
  func series(sourceID: String, parameters: [String: String], now: Date) throws -> JSONValue {
    ["labels": [], "series": []]
  }
  func totals(sourceID: String, parameters: [String: String], now: Date) throws -> JSONValue {
    ["totals": [:]]
  }
}

enum InvocationResponse {
  static func build(
    configuration: [String: JSONValue], globals: [String: JSONValue], invocationID: String, now: Date
  ) -> JSONValue {
    ["result": nil, "status": "success", "errors": [], "logs": []]
  }
}

enum BroadcastMatcher {
  static func matches(person: JSONValue, filters: JSONValue?) -> Bool { true }
}
