/// A mapping that sets the same key twice: YAML forbids it and the second would silently win.
enum DuplicateKeyRule {
  static let description = RuleDescription(
    id: RuleID.duplicateKey,
    summary: "A mapping repeats a key; the diagnostic points at the repetition.",
    valid: [RuleExample("name: A\nhog: return event\n")],
    invalid: [
      RuleExample("name: A\nhog: return event\n↓name: B\n"),
      RuleExample(
        "name: A\nhog: return event\nfilters:\n  filter_test_accounts: true\n  ↓filter_test_accounts: false\n"
      ),
    ])
}
