/// Names are the identity of a function, so they are unique across the whole directory.
struct DuplicateNameRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.duplicateName,
    summary: "Two manifests declare the same `name`; names are unique across the directory.",
    valid: [
      RuleExample(files: [
        "a.yaml": "name: Slack\nhog: return event\n", "b.yaml": "name: Webhook\nhog: return event\n",
      ])
    ],
    invalid: [
      RuleExample(files: [
        "a.yaml": "name: Slack\nhog: return event\n", "b.yaml": "name: ↓Slack\nhog: return event\n",
      ]),
      RuleExample(
        "name: Slack\nhog: return event\n---\nname: ↓Slack\ntype: transformation\nhog: return event\n"),
    ])

  func check(_ context: RuleContext) -> [Diagnostic] {
    var first: [String: ParsedFunction] = [:]
    var diagnostics: [Diagnostic] = []
    for function in context.functions {
      guard let name = function.name else { continue }
      if let earlier = first[name] {
        let at = earlier.locations.value("name")
        diagnostics.append(
          error(
            "the name '\(name)' is already used at \(at.file):\(at.line):\(at.column); names are unique across the directory",
            at: function.locations.value("name")))
      } else {
        first[name] = function
      }
    }
    return diagnostics
  }
}
