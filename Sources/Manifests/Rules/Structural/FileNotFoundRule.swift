/// `!file` points at a file that is missing or not UTF-8 text.
enum FileNotFoundRule {
  static let description = RuleDescription(
    id: RuleID.fileNotFound,
    summary: "A `!file` target is missing or unreadable (paths are relative to the manifest).",
    valid: [
      RuleExample(files: ["d/f.yaml": "name: A\nhog: !file ../code.hog\n", "code.hog": "return event\n"])
    ],
    invalid: [
      RuleExample(files: ["d/f.yaml": "name: A\nhog: ↓!file code.hog\n", "code.hog": "return event\n"])
    ])
}
