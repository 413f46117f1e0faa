/// `tests` entries: `name`, `globals` with an `event`, and an optional `expect`.
enum InvalidTestRule {
  static let description = RuleDescription(
    id: RuleID.invalidTest,
    summary: "A `tests` entry is malformed: no name, no globals.event, unknown keys, bad expect.status.",
    valid: [
      RuleExample(
        "name: A\nhog: return event\ntests:\n  - name: passes\n    globals: {event: {event: $pageview}}\n"
          + "    expect: {status: success, logs_contain: [hi]}\n")
    ],
    invalid: [
      RuleExample("name: A\nhog: return event\ntests:\n  - ↓globals: {event: {event: $pageview}}\n"),
      RuleExample(
        "name: A\nhog: return event\ntests:\n  - name: t\n    globals: {event: {}}\n    expect: {status: ↓ok}\n"
      ),
      RuleExample("name: A\nhog: return event\ntests:\n  - name: t\n    globals: ↓{person: {}}\n"),
    ])
}
