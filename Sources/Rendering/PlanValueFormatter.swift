import HogctlJSON
import Reconciler

/// How plan values read in text: JSON literals, `(sensitive value)` for sensitive values, as Terraform writes them, `(known after
/// apply)` for values the server computes, multi-line values as lines.
enum PlanValueFormatter {
  /// JSON longer than this goes on several lines.
  static let inlineLimit = 72

  /// The value on one line, or nil when it reads better as several (`lines(of:)`).
  static func inline(_ value: PlanValue) -> String? {
    switch value {
    case .absent: return "null"
    case .sensitive: return "(sensitive value)"
    case .knownAfterApply: return "(known after apply)"
    case .value(let json):
      if case .string(let text) = json, text.contains("\n") { return nil }
      let compact = json.serialized()
      return compact.count <= inlineLimit ? compact : nil
    }
  }

  /// The value as lines: a multi-line string's own lines, else indented JSON.
  static func lines(of value: PlanValue) -> [String] {
    switch value {
    case .value(.string(let text)):
      text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    case .value(let json): json.serialized(pretty: true).split(separator: "\n").map(String.init)
    default: [inline(value) ?? ""]
    }
  }

  static func quoted(_ text: String) -> String {
    JSONValue.string(text).serialized()
  }
}
