/// Masking without a `hash` template has nothing to deduplicate on.
enum MaskingHashRequiredRule {
  static let description = RuleDescription(
    id: RuleID.maskingHashRequired,
    summary: "`masking` has no `hash`.",
    valid: [RuleExample("name: A\nhog: return event\nmasking: {ttl: 60, hash: \"{person.id}\"}\n")],
    invalid: [RuleExample("name: A\nhog: return event\nmasking:\n  ↓ttl: 60\n")])
}
