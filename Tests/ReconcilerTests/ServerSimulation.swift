import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler

/// A small stand-in for PostHog's write path as the API spec describes it (fills, copies,
/// compiled forms, secret markers), used to check that applying a plan and planning again gives
/// no changes. It only needs to be faithful to what the normaliser must see through.
struct ServerSimulation {
  var functions: [HogFunction]
  var secrets: [String: JSONObject] = [:]
  var templates: JSONObject = [:]
  private var nextID = 1

  init(live: [HogFunction] = [], templates: JSONObject = [:]) {
    self.functions = live
    self.templates = templates
  }

  mutating func apply(_ plan: Plan, desired: [DesiredFunction]) {
    let byName = Dictionary(desired.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    for action in plan.actions {
      let body = action.requestBody(with: byName[action.name]) ?? [:]
      switch action.kind {
      case .create: create(body)
      case .update: update(id: action.id!, body)
      case .delete: functions.removeAll { $0.id == action.id }
      case .reorder:
        for entry in action.reorder {
          if let index = functions.firstIndex(where: { $0.id == entry.id }) {
            functions[index].raw["execution_order"] = .number(Double(entry.after))
          }
        }
      case .broadcast: continue
      }
    }
  }

  mutating func create(_ body: JSONObject) {
    var raw = body
    let id = "sim-\(nextID)"
    nextID += 1
    if let templateID = body["template_id"]?.stringValue, let template = templates[templateID] {
      if raw["hog"] == nil { raw["hog"] = template["code"] }
      if raw["inputs_schema"] == nil { raw["inputs_schema"] = template["inputs_schema"] }
      if raw["description"] == nil { raw["description"] = template["description"] }
      if raw["icon_url"] == nil { raw["icon_url"] = template["icon_url"] }
    }
    raw["template_id"] = nil
    raw["id"] = .string(id)
    raw["enabled"] = raw["enabled"] ?? false
    raw["description"] = raw["description"] ?? ""
    raw["status"] = ["state": 1, "tokens": 0]
    raw["updated_at"] = "2025-01-01T00:00:00Z"
    functions.append(HogFunction(raw: [:]))
    store(index: functions.count - 1, raw: raw, inputs: raw["inputs"])
  }

  mutating func update(id: String, _ body: JSONObject) {
    guard let index = functions.firstIndex(where: { $0.id == id }) else { return }
    var raw = functions[index].raw
    raw.merge(body) { _, new in new }
    store(index: index, raw: raw, inputs: body["inputs"])
  }

  private mutating func store(index: Int, raw: JSONObject, inputs sent: JSONValue?) {
    var raw = raw
    let id = raw["id"]!.stringValue!
    raw["hog"] = raw["hog"]?.stringValue.map { .string(Normalizer.hog($0)) } ?? raw["hog"]
    raw["bytecode"] = ["_H", 1, .string(id)]
    raw["inputs_schema"] = Normalizer.inputsSchema(raw["inputs_schema"] ?? [])
    let schema = raw["inputs_schema"]?.arrayValue ?? []
    if let sent = sent?.objectValue {
      var stored: JSONObject = [:]
      for (position, item) in schema.enumerated() {
        guard let key = item["key"]?.stringValue else { continue }
        let value = sent[key]
        if item["secret"] == true {
          if let secret = value?["value"], !secret.isNull { secrets[id, default: [:]][key] = secret }
          continue
        }
        var input = value?.objectValue ?? [:]
        if input["value"] == nil || input["value"] == .null || input["value"] == "" {
          guard let fallback = item["default"] else { continue }
          input["value"] = fallback
        }
        switch item["templating"] {
        case .bool(false): break
        case .string(let name): input["templating"] = .string(name)
        default: input["templating"] = "hog"
        }
        input["bytecode"] = ["_H", 1]
        input["order"] = .number(Double(position))
        stored[key] = .object(input)
      }
      for key in secrets[id, default: [:]].keys { stored[key] = ["secret": true] }
      raw["inputs"] = .object(stored)
    }
    var filters = raw["filters"]?.objectValue ?? [:]
    filters["source"] = filters["source"] ?? "events"
    filters["bytecode"] = ["_H", 1]
    if let events = filters["events"]?.arrayValue {
      filters["events"] = .array(
        events.enumerated().map { position, item in
          var object = item.objectValue ?? [:]
          object["name"] = object["name"] ?? object["id"] ?? .null
          object["type"] = "events"
          object["order"] = .number(Double(position))
          return .object(object)
        })
    }
    raw["filters"] = .object(filters)
    if case .object(var masking) = raw["masking"] ?? .null {
      masking["bytecode"] = ["_H", 1]
      raw["masking"] = .object(masking)
    }
    functions[index] = HogFunction(raw: raw)
  }
}
