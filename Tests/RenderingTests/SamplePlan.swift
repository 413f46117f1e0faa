import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler

/// A plan holding every kind of action — create (with a secret), update (a multi-line `hog`
/// change, an input, a stored secret kept), delete, reorder and broadcast — made by the real
/// planner from manifests and live functions.
enum SamplePlan {
  static let secret = "whsec-9d1c0ffee-do-not-print"

  static func make() throws -> Plan {
    try Planner.plan(desired: desired, settings: settings, live: live, options: PlanOptions(force: true))
  }

  static let settings = ProjectSettings(
    prune: true, order: ["transformation": ["Drop bots", "GeoIP"]])

  static func function(_ name: String, type: String, line: Int, fields: JSONObject)
    -> DesiredFunction
  {
    var all: JSONObject = [
      "description": "", "enabled": true, "inputs_schema": [], "inputs": [:], "filters": [:],
      "masking": nil, "mappings": nil, "icon_url": nil,
    ]
    all.merge(fields) { _, new in new }
    return DesiredFunction(
      name: name, type: type,
      location: ManifestLocation(file: "pipelines/\(type)s.yaml", line: line, column: 1),
      fields: all)
  }

  static var desired: [DesiredFunction] {
    var slack = function(
      "Slack – new signups", type: "destination", line: 1,
      fields: [
        "description": "Posts new signups to #growth",
        "hog":
          "let res := fetch(inputs.url, {\n  'method': 'POST',\n  'body': inputs.body\n})\nprint(res.status)",
        "inputs_schema": [
          ["type": "string", "key": "url", "required": true],
          ["type": "json", "key": "body"],
          ["type": "string", "key": "signing_secret", "secret": true],
        ],
        "inputs": [
          "url": ["value": "https://hooks.example.com/T000/B000"],
          "body": ["value": ["text": "{event.event}"]],
          "signing_secret": ["value": .string(secret)],
        ],
        "filters": ["events": [["id": "$signup"]]],
      ])
    slack.broadcast = .onCreate
    let geoip = function(
      "GeoIP", type: "transformation", line: 1,
      fields: [
        "hog":
          "let ip := event.properties.$ip\nif (not ip) {\n  return event\n}\nevent.properties.$geoip_city := lookupCity(ip)\nreturn event"
      ])
    let bots = function("Drop bots", type: "transformation", line: 20, fields: ["hog": "return event"])
    let webhook = function(
      "Orders webhook", type: "destination", line: 30,
      fields: [
        "hog": "fetch(inputs.url)",
        "inputs_schema": [
          ["type": "string", "key": "url", "required": true],
          ["type": "string", "key": "token", "secret": true],
        ],
        "inputs": ["url": ["value": "https://orders.example.com/v2"], "token": ["value": .string(secret)]],
      ])
    return [slack, geoip, bots, webhook]
  }

  static var live: [HogFunction] {
    func base(_ id: String, _ name: String, _ type: String, _ order: Int?, _ extra: JSONObject)
      -> HogFunction
    {
      var raw: JSONObject = [
        "id": .string(id), "name": .string(name), "type": .string(type), "description": "", "enabled": true,
        "hog": "return event", "bytecode": ["_H", 1], "inputs_schema": [], "inputs": [:],
        "filters": ["source": "events", "bytecode": ["_H", 1]], "masking": nil, "mappings": nil,
        "icon_url": nil, "template": nil, "status": ["state": 1, "tokens": 0],
        "execution_order": order.map { .number(Double($0)) } ?? .null,
        "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z",
      ]
      raw.merge(extra) { _, new in new }
      return HogFunction(raw: raw)
    }
    return [
      base(
        "0193-geoip", "GeoIP", "transformation", 1,
        [
          "hog": "let ip := event.properties.$ip\nif (not ip) {\n  return null\n}\nreturn event",
          "enabled": false,
        ]),
      base("0193-bots", "Drop bots", "transformation", 2, [:]),
      base(
        "0193-orders", "Orders webhook", "destination", nil,
        [
          "hog": "fetch(inputs.url)",
          "inputs_schema": [
            ["type": "string", "key": "url", "required": true, "secret": false, "hidden": false],
            ["type": "string", "key": "token", "secret": true, "required": false, "hidden": false],
          ],
          "inputs": [
            "url": ["value": "https://orders.example.com/v1", "templating": "hog", "order": 0],
            "token": ["secret": true],
          ],
        ]),
      base("0193-old", "Old Zapier hook", "destination", nil, [:]),
    ]
  }
}
