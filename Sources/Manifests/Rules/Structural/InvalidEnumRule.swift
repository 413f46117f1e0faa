/// A value outside a fixed set: `type`, `broadcast`, `api_path`, `filters.source`, input types.
enum InvalidEnumRule {
  static let description = RuleDescription(
    id: RuleID.invalidEnum,
    summary:
      "A value is not one of the allowed values (type, broadcast, api_path, filters.source, inputs_schema type).",
    valid: [RuleExample("name: A\ntype: transformation\nhog: return event\nbroadcast: on_create\n")],
    invalid: [
      RuleExample("name: A\ntype: ↓destinaton\nhog: return event\n"),
      RuleExample("name: A\nhog: return event\nbroadcast: ↓always\n"),
      RuleExample("name: A\nhog: return event\nfilters:\n  source: ↓persons\n"),
      RuleExample("name: A\nhog: return event\ninputs_schema:\n  - {key: url, type: ↓text}\n"),
      RuleExample(files: ["hogctl.yaml": "version: 1\nproject:\n  api_path: ↓environment\n"]),
    ])
}
