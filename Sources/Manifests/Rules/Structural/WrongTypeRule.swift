/// A value of the wrong kind: a list where a mapping belongs, a mapping where text belongs.
enum WrongTypeRule {
  static let description = RuleDescription(
    id: RuleID.wrongType,
    summary: "A value has the wrong type (e.g. a list where a mapping is expected).",
    valid: [RuleExample("name: A\nhog: return event\nprevious_names: [B]\n")],
    invalid: [
      RuleExample("name: A\nhog: return event\nprevious_names: ↓B\n"),
      RuleExample("name: ↓[A]\nhog: return event\n"),
      RuleExample("name: A\nhog: return event\nexecution_order: ↓first\n"),
    ])
}
