/// hogctl's tags are `!env`, `!file` and `!input` (the last only under `inputs`).
enum InvalidTagRule {
  static let description = RuleDescription(
    id: RuleID.invalidTag,
    summary: "An unknown YAML tag, or `!input` outside `inputs`.",
    valid: [
      RuleExample("name: A\nhog: return event\ninputs:\n  body: !input {value: x, templating: liquid}\n")
    ],
    invalid: [
      RuleExample("name: A\nhog: ↓!secret abc\n"),
      RuleExample("name: A\nhog: return event\nfilters: ↓!input {value: x}\n"),
    ])
}
