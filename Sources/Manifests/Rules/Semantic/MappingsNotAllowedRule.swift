/// PostHog allows `mappings` only on destinations and site destinations.
struct MappingsNotAllowedRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.mappingsNotAllowed,
    summary: "`mappings` on a type other than destination or site_destination.",
    valid: [RuleExample("name: Fan out\nhog: return event\nmappings:\n  - name: Signups\n")],
    invalid: [
      RuleExample("name: Geo\ntype: transformation\nhog: return event\n↓mappings:\n  - name: Signups\n")
    ])

  func check(_ context: RuleContext) -> [Diagnostic] {
    context.functions.compactMap { function in
      guard let mappings = function.value["mappings"], !mappings.isNull,
        !["destination", "site_destination"].contains(function.type)
      else { return nil }
      return error(
        "mappings are only allowed for destination and site_destination functions, not \(function.type)",
        at: function.locations.key("mappings"))
    }
  }
}
