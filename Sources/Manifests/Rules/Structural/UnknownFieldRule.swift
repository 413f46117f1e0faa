/// A field the format does not have: usually a typo, so the closest field name is suggested.
enum UnknownFieldRule {
  static let description = RuleDescription(
    id: RuleID.unknownField,
    summary: "A field the manifest format does not define (with a did-you-mean suggestion).",
    valid: [RuleExample("name: A\nhog: return event\nenabled: false\n")],
    invalid: [
      RuleExample("name: A\nhog: return event\n↓enabeld: false\n"),
      RuleExample("name: A\nhog: return event\nmasking:\n  ttl: 60\n  hash: x\n  ↓treshold: 3\n"),
      RuleExample(files: ["hogctl.yaml": "version: 1\nproject:\n  ↓hots: https://eu.posthog.com\n"]),
    ])
}
