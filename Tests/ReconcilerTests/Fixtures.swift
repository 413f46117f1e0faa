import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler

/// Builders for desired and live functions from JSON text shaped like the spec's examples.
enum Fixtures {
  static func desired(
    _ name: String, type: String = "destination", fields: String = "{}", line: Int = 1,
    configure: (inout DesiredFunction) -> Void = { _ in }
  ) -> DesiredFunction {
    var function = DesiredFunction(
      name: name, type: type, location: ManifestLocation(file: "functions.yaml", line: line, column: 1),
      fields: object(fields))
    configure(&function)
    return function
  }

  static func live(_ json: String) -> HogFunction {
    HogFunction(raw: object(json))
  }

  static func object(_ json: String) -> JSONObject {
    try! JSONValue.parse(json).objectValue!
  }

  /// A live function as the API returns it for a manifest that holds only `name`, `hog` and
  /// `enabled: true` (everything else the API's defaults, filled by the server).
  static func minimalLive(id: String, name: String, type: String = "destination", order: Int? = nil)
    -> HogFunction
  {
    live(
      """
      {"id": "\(id)", "type": "\(type)", "name": "\(name)", "description": "", "enabled": true,
       "hog": "return event", "bytecode": ["_H", 1, 32, "x"], "transpiled": null,
       "inputs_schema": [], "inputs": {}, "filters": {"source": "events", "bytecode": ["_H", 1, 29]},
       "masking": null, "mappings": null, "icon_url": null, "template": null,
       "execution_order": \(order.map(String.init) ?? "null"), "status": {"state": 1, "tokens": 10},
       "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-02T00:00:00Z",
       "created_by": {"id": 1, "email": "a@b.co"}}
      """)
  }

  static func minimalDesired(_ name: String, type: String = "destination", order: Int? = nil)
    -> DesiredFunction
  {
    var fields = """
      {"hog": "return event", "enabled": true, "description": "", "inputs_schema": [], "inputs": {},
       "filters": {}, "masking": null, "mappings": null, "icon_url": null
      """
    if let order { fields += #", "execution_order": \#(order)"# }
    return desired(name, type: type, fields: fields + "}")
  }
}
