import Foundation

/// Manifests are UTF-8 text.
enum InvalidUTF8Rule {
  static let description = RuleDescription(
    id: RuleID.invalidUTF8,
    summary: "The file is not valid UTF-8; the position is the first bad byte.",
    valid: [RuleExample("name: Café\nhog: return event\n")],
    invalid: [
      RuleExample(
        files: ["function.yaml": "name: A\nhog: return event\ndescription: ↓"],
        rawSuffixes: ["function.yaml": Data([0xC3, 0x28, 0x0A])])
    ])
}
