/// Only `true` and `false` are booleans: YAML 1.1's `yes`, `no`, `on`, `off` are refused.
enum InvalidBooleanRule {
  static let description = RuleDescription(
    id: RuleID.invalidBoolean,
    summary:
      "A boolean field (or boolean input) holds something other than true/false, such as yes/no/on/off.",
    valid: [RuleExample("name: A\nhog: return event\nenabled: false\n")],
    invalid: [
      RuleExample("name: A\nhog: return event\nenabled: ↓yes\n"),
      RuleExample("name: A\nhog: return event\nenabled: ↓\"true\"\n"),
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: debug, type: boolean}\ninputs:\n  debug: ↓on\n"
      ),
    ])
}
