/// Only the top-level `hogctl.yaml` is read; one deeper in the tree is ignored.
enum NestedSettingsRule {
  static let description = RuleDescription(
    id: RuleID.nestedSettings, severity: .warning,
    summary: "A `hogctl.yaml` below the top of the manifest directory; it is ignored.",
    valid: [RuleExample(files: ["hogctl.yaml": "version: 1\n"])],
    invalid: [RuleExample(files: ["sub/hogctl.yaml": "↓version: 1\n"])])
}
