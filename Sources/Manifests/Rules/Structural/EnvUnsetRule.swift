/// `!env NAME` with NAME unset; `--skip-env` turns this off for linting without secrets.
enum EnvUnsetRule {
  static let description = RuleDescription(
    id: RuleID.envUnset,
    summary: "An `!env` variable is not set (not reported with --skip-env).",
    valid: [RuleExample("name: A\nhog: return event\ndescription: !env DESC\n", environment: ["DESC": "x"])],
    invalid: [RuleExample("name: A\nhog: return event\ndescription: ↓!env DESC\n")])
}
