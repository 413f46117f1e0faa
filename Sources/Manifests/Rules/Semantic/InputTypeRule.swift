import HogctlJSON

/// The checks PostHog runs on each input against its schema type.
struct InputTypeRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.inputType,
    summary:
      "An input's value does not fit its schema type (string, number, boolean, dictionary, integration, email).",
    valid: [
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: n, type: number}\n  - {key: h, type: dictionary}\n"
          + "inputs:\n  n: 3\n  h: {a: b}\n")
    ],
    invalid: [
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: n, type: number}\ninputs:\n  n: ↓three\n"),
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: h, type: dictionary}\ninputs:\n  h: ↓[a, b]\n"),
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: s, type: string}\ninputs:\n  s: ↓{a: b}\n"),
    ])

  func check(_ context: RuleContext) -> [Diagnostic] {
    context.inputScopes.flatMap { scope in
      scope.schema.compactMap { item -> Diagnostic? in
        guard let key = item["key"]?.stringValue, let type = item["type"]?.stringValue,
          let value = scope.value(key), !value.isNull,
          !(value.stringValue?.hasPrefix(TagResolver.placeholderPrefix) ?? false),
          let problem = Self.problem(value, type: type)
        else { return nil }
        return error(
          "input '\(key)' (\(type)): \(problem)", at: scope.function.locations.value(scope.inputPath(key)))
      }
    }
  }

  /// PostHog's message for a value of the wrong type, `nil` when it fits.
  static func problem(_ value: JSONValue, type: String) -> String? {
    switch type {
    case "string": value.stringValue == nil ? "value must be a string, not \(value.typeName)" : nil
    case "number": value.numberValue == nil ? "value must be a number, not \(value.typeName)" : nil
    case "boolean":
      value.boolValue == nil && value.stringValue == nil
        ? "value must be a boolean or a template string, not \(value.typeName)" : nil
    case "dictionary": value.objectValue == nil ? "value must be a dictionary, not \(value.typeName)" : nil
    case "integration": value.intValue == nil ? "value must be an integration id (a whole number)" : nil
    case "email": emailProblem(value)
    default: nil
    }
  }

  private static func emailProblem(_ value: JSONValue) -> String? {
    guard let email = value.objectValue else {
      return "value must be a mapping with from, to, subject and text or html"
    }
    let missing = ["from", "to", "subject"].filter { email[$0] == nil }
    if !missing.isEmpty { return "email is missing \(missing.joined(separator: ", "))" }
    return email["text"] == nil && email["html"] == nil ? "email needs text or html" : nil
  }
}
