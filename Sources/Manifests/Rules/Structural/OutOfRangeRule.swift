/// Numbers with limits: `execution_order` 0..32767, safety percentages 0..100, filter orders >= 0.
enum OutOfRangeRule {
  static let description = RuleDescription(
    id: RuleID.outOfRange,
    summary: "A number is outside its range (execution_order 0..32767, safety percentages 0..100).",
    valid: [RuleExample("name: A\ntype: transformation\nhog: return event\nexecution_order: 3\n")],
    invalid: [
      RuleExample("name: A\ntype: transformation\nhog: return event\nexecution_order: ↓40000\n"),
      RuleExample(files: ["hogctl.yaml": "version: 1\nsafety:\n  max_delete_percent: ↓150\n"]),
    ])
}
