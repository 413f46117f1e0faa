/// Secret inputs come from `!env` or `!file`, never from text committed with the manifest.
struct SecretLiteralRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.secretLiteral,
    summary: "A secret input (`secret: true` in the manifest's inputs_schema) is given as a literal value.",
    valid: [
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: token, type: string, secret: true}\ninputs:\n  token: !env TOKEN\n",
        environment: ["TOKEN": "s3cret"])
    ],
    invalid: [
      RuleExample(
        "name: A\nhog: return event\ninputs_schema:\n  - {key: token, type: string, secret: true}\ninputs:\n  token: ↓hunter2\n"
      )
    ])

  func check(_ context: RuleContext) -> [Diagnostic] {
    context.inputScopes.flatMap { scope in
      scope.schema.compactMap { item -> Diagnostic? in
        guard item["secret"]?.boolValue == true, let key = item["key"]?.stringValue,
          let value = scope.value(key), !value.isNull, !scope.isTagged(key)
        else { return nil }
        return error(
          "input '\(key)' is secret; give it with !env or !file instead of writing the value in the manifest",
          at: scope.function.locations.value(scope.inputPath(key)))
      }
    }
  }
}
