/// A field the format requires: `name`, `hog` without a template, an input schema's `type`/`key`.
enum RequiredFieldRule {
  static let description = RuleDescription(
    id: RuleID.requiredField,
    summary:
      "A required field is missing (`name`; `hog` unless `template_id` or `deleted`; schema `key`/`type`).",
    valid: [RuleExample("name: A\ntemplate_id: template-slack\n")],
    invalid: [
      RuleExample("↓hog: return event\n"),
      RuleExample("↓name: A\n"),
      RuleExample("name: A\nhog: return event\ninputs_schema:\n  - ↓{key: url}\n"),
    ])
}
