/// `!file` reads only inside the manifest directory: a manifest from an untrusted pull request
/// must not be able to publish other files of the machine through a plan.
enum FileOutsideDirectoryRule {
  static let description = RuleDescription(
    id: RuleID.fileOutsideDirectory,
    summary:
      "A `!file` target is an absolute path, leaves the manifest directory with `..`, or is a link to a file outside it; nothing is read.",
    valid: [
      RuleExample(files: ["d/f.yaml": "name: A\nhog: !file ../code.hog\n", "code.hog": "return event\n"])
    ],
    invalid: [
      RuleExample(files: ["d/f.yaml": "name: A\nhog: ↓!file ../../code.hog\n", "code.hog": "return event\n"]),
      RuleExample(files: ["f.yaml": "name: A\nhog: ↓!file /etc/hostname\n"]),
    ])
}
