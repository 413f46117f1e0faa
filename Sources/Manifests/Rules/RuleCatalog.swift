/// Every rule hogctl checks, for docs and tests.
public enum RuleCatalog {
  static let manifestRules: [any ManifestRule] = [
    DuplicateNameRule(), PreviousNameCollisionRule(), InvalidIDRule(), OrderUnknownFunctionRule(),
    OrderNotTransformationRule(), OrderDuplicateRule(), OrderConflictRule(), MappingsNotAllowedRule(),
    HogTooLargeRule(), IgnoreChangesUnknownFieldRule(), SecretLiteralRule(), UnknownInputRule(),
    InputRequiredRule(), InputTypeRule(),
  ]

  public static let all: [RuleDescription] =
    [
      YAMLSyntaxRule.description, DuplicateKeyRule.description, InvalidUTF8Rule.description,
      FileTooLargeRule.description, AliasLimitRule.description, UnknownFieldRule.description,
      WrongTypeRule.description, RequiredFieldRule.description, InvalidEnumRule.description,
      InvalidBooleanRule.description, OutOfRangeRule.description, InvalidTagRule.description,
      MaskingTTLRangeRule.description, MaskingHashRequiredRule.description, InvalidTestRule.description,
      FileNotFoundRule.description, FileOutsideDirectoryRule.description, EnvUnsetRule.description,
      InvalidSettingsVersionRule.description,
      NestedSettingsRule.description,
    ] + manifestRules.map { type(of: $0).description }
}
