import Foundation

/// `id:` pins a manifest to one live function, so it must be a UUID.
struct InvalidIDRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.invalidID,
    summary: "`id` is not a UUID.",
    valid: [RuleExample("name: Slack\nid: 0193b5a4-7c1e-7d3a-9f62-1b2c3d4e5f60\nhog: return event\n")],
    invalid: [RuleExample("name: Slack\nid: ↓12345\nhog: return event\n")])

  func check(_ context: RuleContext) -> [Diagnostic] {
    context.functions.compactMap { function in
      guard let id = function.value["id"]?.stringValue, UUID(uuidString: id) == nil else { return nil }
      return error(
        "'\(id)' is not a UUID; `id` pins a manifest to a live function by its id, e.g. 0193b5a4-7c1e-7d3a-9f62-1b2c3d4e5f60",
        at: function.locations.value("id"))
    }
  }
}
