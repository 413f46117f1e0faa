/// A `previous_names` entry must not be another function's name or previous name: the rename
/// would match the wrong live function.
struct PreviousNameCollisionRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.previousNameCollision,
    summary: "A `previous_names` entry is another function's name or previous name.",
    valid: [RuleExample("name: Slack signups\nprevious_names: [Slack]\nhog: return event\n")],
    invalid: [
      RuleExample(
        files: [
          "a.yaml": "name: Slack signups\nprevious_names: [↓Webhook]\nhog: return event\n",
          "b.yaml": "name: Webhook\nhog: return event\n",
        ]),
      RuleExample(
        "name: A\nprevious_names: [Old]\nhog: return event\n---\nname: B\nprevious_names:\n  - ↓Old\nhog: return event\n"
      ),
    ])

  func check(_ context: RuleContext) -> [Diagnostic] {
    let names = Set(context.functions.compactMap(\.name))
    var claimed: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    for function in context.functions {
      guard let own = function.name, let previous = function.value["previous_names"]?.arrayValue else {
        continue
      }
      for (index, entry) in previous.enumerated() {
        guard let old = entry.stringValue else { continue }
        let location = function.locations.value("previous_names[\(index)]")
        if old != own, names.contains(old) {
          diagnostics.append(
            error(
              "'\(old)' is the name of another function in this directory; it cannot also be a previous name",
              at: location))
        } else if let other = claimed[old], other != own {
          diagnostics.append(error("'\(old)' is already a previous name of '\(other)'", at: location))
        } else {
          claimed[old] = own
        }
      }
    }
    return diagnostics
  }
}
