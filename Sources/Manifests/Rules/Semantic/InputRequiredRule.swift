/// A required input with no default must have a value (PostHog: "This field is required.").
struct InputRequiredRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.inputRequired,
    summary: "A required input (no default) is missing, null or empty.",
    valid: [
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: url, type: string, required: true}\ninputs:\n  url: https://x\n"
      ),
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: url, type: string, required: true, default: https://x}\n"
      ),
    ],
    invalid: [
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: url, type: string, required: true}\n↓inputs:\n  other: 1\n"
      ),
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: url, type: string, required: true}\ninputs:\n  url: ↓\"\"\n"
      ),
    ])

  func check(_ context: RuleContext) -> [Diagnostic] {
    context.inputScopes.flatMap { scope in
      scope.schema.compactMap { item -> Diagnostic? in
        guard item["required"]?.boolValue == true, item["default"] == nil, let key = item["key"]?.stringValue
        else {
          return nil
        }
        // A value written as `!env`/`!file` that could not be read is reported by its own rule.
        let value = scope.value(key)
        // The tag is looked up last: it builds the input's path, and most inputs have a value.
        guard value == nil || value == .null || value == .string(""), !scope.isTagged(key) else { return nil }
        let locations = scope.function.locations
        let location =
          value == nil
          ? (locations.keys[scope.inputsPath] ?? locations.key(scope.inputsPath))
          : locations.value(scope.inputPath(key))
        return error("input '\(key)' is required and has no default; give it a value", at: location)
      }
    }
  }
}
