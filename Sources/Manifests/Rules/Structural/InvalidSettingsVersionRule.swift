/// `hogctl.yaml` declares format version 1.
enum InvalidSettingsVersionRule {
  static let description = RuleDescription(
    id: RuleID.invalidSettingsVersion,
    summary: "`version` in hogctl.yaml is not 1.",
    valid: [RuleExample(files: ["hogctl.yaml": "version: 1\n"])],
    invalid: [RuleExample(files: ["hogctl.yaml": "version: ↓2\n"])])
}
