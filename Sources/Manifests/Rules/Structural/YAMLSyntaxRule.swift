/// The file is not well-formed YAML.
enum YAMLSyntaxRule {
  static let description = RuleDescription(
    id: RuleID.yamlSyntax,
    summary: "The file is not well-formed YAML (position as libyaml reports it).",
    valid: [RuleExample("name: A\nhog: return event\n")],
    invalid: [
      RuleExample("name: A\nhog: [return event\n↓"),
      RuleExample("name: A\n  hog↓: return event\n"),
    ])
}
