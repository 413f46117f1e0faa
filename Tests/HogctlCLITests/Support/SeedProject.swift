import HogctlCore
import HogctlJSON

/// Random live projects for the import tests: API create bodies covering every function type,
/// templates with and without overrides, secrets, mappings, masking, filters with actions and
/// properties, multi-line code, unicode names, names that collide as file slugs, and disabled
/// functions. Everything comes from the seeded generator, so a failing seed can be replayed.
struct SeedProject {
  var bodies: [JSONObject]
  /// Secret input values by `name/key`, as sent (never expected in any output).
  var secrets: [String]

  static let types = [
    "destination", "site_destination", "internal_destination", "source_webhook", "site_app", "transformation",
  ]
  /// Names chosen first: unicode, and several that make the same slug.
  static let namePool = [
    "Slack alerts", "slack-alerts", "Slack  Alerts!", "Café ☕ events", "Cafe events", "日本語の通知",
    "Ünïcødé – sync",
    "2024", "true", "Data: export #1", "CRM sync", "Geo IP", "geo-ip", "null", "Zürich — Webhook", "a/b\\c",
  ]
  static let hogs = [
    "return event",
    "print('single line')",
    "let x := 1\nif (x > 0) {\n  print('multi', x)   \n}\nreturn event\n",
    "// comment: with # and colon\nlet url := inputs.url\nfetch(url, {'method': 'POST'})\n",
  ]

  static func make(count: Int, using random: inout SeededGenerator) -> SeedProject {
    var project = SeedProject(bodies: [], secrets: [])
    var names = Set<String>()
    var enabledTransformations = 0
    for index in 0..<count {
      let type = index < types.count ? types[index] : random.pick(types + ["destination", "transformation"])
      var name = index < namePool.count && random.chance(0.8) ? namePool[index] : "Function \(index)"
      if names.contains(name) { name += " \(index)" }
      names.insert(name)
      var body = project.function(type: type, name: name, index: index, using: &random)
      if type == "transformation" {
        if enabledTransformations >= 15 { body["enabled"] = false }
        if body["enabled"] != false { enabledTransformations += 1 }
      }
      project.bodies.append(body)
    }
    return project
  }

  private mutating func function(type: String, name: String, index: Int, using random: inout SeededGenerator)
    -> JSONObject
  {
    var body: JSONObject = ["type": .string(type), "name": .string(name)]
    if random.chance(0.25) { body["enabled"] = false } else if random.chance(0.5) { body["enabled"] = true }
    let template = templateChoice(type, using: &random)
    if let template {
      body["template_id"] = .string(template)
      if random.chance(0.4) { body["description"] = .string(random.pick(["Overridden: yes", "", "0123"])) }
      if random.chance(0.3) { body["hog"] = .string(random.pick(Self.hogs)) }
      body["inputs"] = .object(Self.wire(templateInputs(template, using: &random)))
    } else {
      body["hog"] = .string(random.pick(Self.hogs))
      if random.chance(0.6) {
        body["description"] = .string(random.pick(["Sends #growth: signups", "123", "yes", "Ünïcødé ✓", ""]))
      }
      if random.chance(0.2) { body["icon_url"] = "/static/services/webhook.png" }
      let (schema, inputs) = customInputs(name: name, using: &random)
      body["inputs_schema"] = .array(schema)
      body["inputs"] = .object(Self.wire(inputs))
    }
    if random.chance(0.7) { body["filters"] = filters(using: &random) }
    if type == "destination" && random.chance(0.3) {
      var masking: JSONObject = [
        "ttl": .number(Double(random.pick([60, 3600, 86400]))), "hash": "{person.id}",
      ]
      if random.chance(0.5) { masking["threshold"] = .number(Double(random.pick([1, 5]))) }
      body["masking"] = .object(masking)
    }
    if ["destination", "site_destination"].contains(type), template == nil, random.chance(0.3) {
      body["mappings"] = .array((0..<random.pick([1, 2])).map { mapping($0, name: name, using: &random) })
    }
    return body
  }

  /// Inputs as the API takes them: `{value}` around each plain value.
  static func wire(_ inputs: JSONObject) -> JSONObject {
    inputs.mapValues { value in value["templating"] != nil ? value : ["value": value] }
  }

  private func templateChoice(_ type: String, using random: inout SeededGenerator) -> String? {
    switch type {
    case "destination": random.pick([nil, nil, "template-webhook", "template-slack"])
    case "transformation": random.pick([nil, nil, "template-drop-events"])
    default: nil
    }
  }

  private func templateInputs(_ template: String, using random: inout SeededGenerator) -> JSONObject {
    switch template {
    case "template-webhook":
      var inputs: JSONObject = ["url": .string("https://example.com/\(random.pick(["a", "b: c", "#d"]))")]
      if random.chance(0.5) { inputs["method"] = .string(random.pick(["POST", "PUT"])) }
      if random.chance(0.5) { inputs["body"] = ["event": "{event.event}", "n": 1] }
      if random.chance(0.3) { inputs["debug"] = .bool(random.chance(0.5)) }
      return inputs
    case "template-slack":
      var inputs: JSONObject = [
        "slack_workspace": .number(Double(random.pick([1, 42]))), "channel": "#growth",
      ]
      if random.chance(0.5) {
        inputs["text"] = [
          "value": "{{ person.properties.email }} did {{ event.event }}", "templating": "liquid",
        ]
      }
      return inputs
    default:
      return [:]
    }
  }

  /// A schema of a few items and values for them (a secret among them now and then).
  private mutating func customInputs(name: String, using random: inout SeededGenerator)
    -> ([JSONValue], JSONObject)
  {
    var schema: [JSONValue] = [["key": "url", "type": "string", "label": "URL", "required": true]]
    var inputs: JSONObject = [
      "url": .string("https://hooks.example.com/\(random.pick(["x", "y?z=1", "#a"]))")
    ]
    if random.chance(0.5) {
      schema.append(["key": "zip", "type": "string", "description": "looks like a number"])
      inputs["zip"] = .string(random.pick(["0123", "1e3", "true", "12:30", "- a"]))
    }
    if random.chance(0.4) {
      schema.append(["key": "count", "type": "number", "default": 3])
      if random.chance(0.5) { inputs["count"] = .number(Double(random.pick([0, 7, 2.5]))) }
    }
    if random.chance(0.4) {
      schema.append(["key": "flag", "type": "boolean", "required": false])
      inputs["flag"] = .bool(random.chance(0.5))
    }
    if random.chance(0.4) {
      schema.append(["key": "payload", "type": "json", "default": ["event": "{event}"]])
      if random.chance(0.5) { inputs["payload"] = ["props": "{event.properties}", "list": [1, "two", nil]] }
    }
    if random.chance(0.3) {
      schema.append([
        "key": "mode", "type": "choice",
        "choices": [["label": "A", "value": "a"], ["label": "B", "value": "b"]],
      ])
      inputs["mode"] = .string(random.pick(["a", "b"]))
    }
    if random.chance(0.3) {
      schema.append(["key": "message", "type": "string", "templating": false])
      inputs["message"] = "Hello {{ person.name }}"
    }
    if random.chance(0.3) {
      schema.append(["key": "greeting", "type": "string"])
      inputs["greeting"] = ["value": "Hi {{ event.event }}", "templating": "liquid"]
    }
    if random.chance(0.4) {
      schema.append(["key": "token", "type": "string", "secret": true, "required": true])
      let value = "secret-\(name.count)-\(random.pick(["alpha", "beta", "gamma"]))-7f3a"
      inputs["token"] = .string(value)
      secrets.append(value)
    }
    return (schema, inputs)
  }

  private func filters(using random: inout SeededGenerator) -> JSONValue {
    var filters: JSONObject = [:]
    if random.chance(0.7) {
      var events: [JSONValue] = [["id": "$pageview"]]
      if random.chance(0.5) { events.append(["id": "purchase", "name": "Purchase made"]) }
      if random.chance(0.3) {
        events.append([
          "id": "$autocapture", "type": "events", "order": 2,
          "properties": [["key": "$el_text", "value": "Buy", "operator": "exact", "type": "element"]],
        ])
      }
      filters["events"] = .array(events)
    }
    if random.chance(0.3) { filters["actions"] = [["id": "12", "name": "Signed up", "type": "actions"]] }
    if random.chance(0.4) {
      filters["properties"] = [
        ["key": "$host", "value": ["app.example.com"], "operator": "exact", "type": "event"]
      ]
    }
    if random.chance(0.4) { filters["filter_test_accounts"] = .bool(random.chance(0.7)) }
    if random.chance(0.2) { filters["source"] = "events" }
    return .object(filters)
  }

  private func mapping(_ index: Int, name: String, using random: inout SeededGenerator) -> JSONValue {
    var mapping: JSONObject = [
      "name": .string("Mapping \(index + 1)"),
      "inputs_schema": [
        ["key": "table", "type": "string", "required": true], ["key": "row", "type": "json"],
      ],
      "inputs": .object(
        Self.wire(["table": .string(random.pick(["signups", "0042"])), "row": ["id": "{event.uuid}"]])),
    ]
    if random.chance(0.6) {
      mapping["filters"] = ["events": [["id": .string(random.pick(["$signup", "purchase"]))]]]
    }
    return .object(mapping)
  }
}
