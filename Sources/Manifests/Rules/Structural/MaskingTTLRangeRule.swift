/// PostHog accepts `masking.ttl` between 60 and 86400 seconds.
enum MaskingTTLRangeRule {
  static let description = RuleDescription(
    id: RuleID.maskingTTLRange,
    summary: "`masking.ttl` is outside 60..86400 seconds.",
    valid: [RuleExample("name: A\nhog: return event\nmasking: {ttl: 3600, hash: \"{person.id}\"}\n")],
    invalid: [
      RuleExample("name: A\nhog: return event\nmasking: {ttl: ↓30, hash: \"{person.id}\"}\n"),
      RuleExample("name: A\nhog: return event\nmasking:\n  ttl: ↓86401\n  hash: x\n"),
    ])
}
