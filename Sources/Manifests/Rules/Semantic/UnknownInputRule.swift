/// PostHog silently drops inputs its schema does not name, so a typo loses the value.
struct UnknownInputRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.unknownInput, severity: .warning,
    summary: "An input key is not in the manifest's inputs_schema; PostHog would drop it silently.",
    valid: [
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: url, type: string}\ninputs:\n  url: https://x\n"
      )
    ],
    invalid: [
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: url, type: string}\ninputs:\n  url: https://x\n  ↓ulr: https://y\n"
      )
    ])

  func check(_ context: RuleContext) -> [Diagnostic] {
    context.inputScopes.flatMap { scope in
      let keys = scope.schema.compactMap { $0["key"]?.stringValue }
      // A JSONObject's keys come in sorted order already.
      return scope.inputs.keys.compactMap { key -> Diagnostic? in
        guard !keys.contains(key) else { return nil }
        return error(
          "input '\(key)' is not in inputs_schema, so PostHog would drop it"
            + DidYouMean.hint(for: key, among: keys),
          at: scope.function.locations.key(scope.inputPath(key)))
      }
    }
  }
}
