/// Every rule hogctl checks, for docs and tests.
public enum RuleCatalog {
  static let manifestRules: [any ManifestRule] = [
    DuplicateNameRule(), PreviousNameCollisionRule(), InvalidIDRule(), OrderUnknownFunctionRule(),
    OrderNotTransformationRule(), OrderDuplicateRule(), OrderConflictRule(), MappingsNotAllowedRule(),
    HogTooLargeRule(), IgnoreChangesUnknownFieldRule(), SecretLiteralRule(), UnknownInputRule(),
    InputRequiredRule(), InputTypeRule(),
  ]

  public static let all: [RuleDescription] =
    StructuralRules.all + manifestRules.map { type(of: $0).description }
}
