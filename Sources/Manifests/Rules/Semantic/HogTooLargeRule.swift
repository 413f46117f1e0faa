/// PostHog refuses `hog` source over 100 KB.
struct HogTooLargeRule: ManifestRule {
  static let limit = 100 * 1024

  static let description = RuleDescription(
    id: RuleID.hogTooLarge,
    summary: "`hog` is over 100 KB (102,400 bytes of UTF-8), which PostHog refuses.",
    valid: [RuleExample(files: ["f.yaml": "name: A\nhog: !file code.hog\n", "code.hog": "return event\n"])],
    invalid: [
      RuleExample(
        files: [
          "f.yaml": "name: A\nhog: ↓!file code.hog\n",
          "code.hog": String(repeating: "// padding\n", count: 10_000),
        ])
    ])

  func check(_ context: RuleContext) -> [Diagnostic] {
    context.functions.compactMap { function in
      guard let hog = function.value["hog"]?.stringValue, hog.utf8.count > Self.limit else { return nil }
      return error(
        "hog is \(hog.utf8.count) bytes; PostHog accepts at most \(Self.limit) bytes (100 KB)",
        at: function.locations.value("hog"))
    }
  }
}
