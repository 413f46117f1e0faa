/// Files over 10 MB are refused before parsing, so a huge file cannot exhaust memory.
enum FileTooLargeRule {
  static let description = RuleDescription(
    id: RuleID.fileTooLarge,
    summary: "A manifest (or a `!file` target) is over 10 MB; it is not parsed.",
    valid: [RuleExample("name: A\nhog: return event\n")],
    invalid: [
      RuleExample(
        "↓name: A\nhog: return event\n" + String(repeating: "# padding padding padding\n", count: 420_000))
    ])
}
