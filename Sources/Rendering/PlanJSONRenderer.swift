import Foundation
import HogctlJSON
import Reconciler

/// A plan as versioned JSON (`format_version: "1"`, documented in docs/plan.md): the same shape
/// a saved plan file holds. Keys are sorted so the output is stable.
public enum PlanJSONRenderer {
  public static func render(_ plan: Plan) throws -> String {
    // Through JSONValue for one canonical layout (sorted keys, `"key": value`, `[]`).
    let value = try JSONValue.parse(try JSONEncoder().encode(plan))
    return value.serialized(pretty: true) + "\n"
  }

  /// Reads a saved plan back.
  public static func decode(_ text: String) throws -> Plan {
    try JSONDecoder().decode(Plan.self, from: Data(text.utf8))
  }
}
