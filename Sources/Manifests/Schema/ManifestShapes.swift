/// The manifest format as shapes: field names and enumerations exactly as the API spells them.
enum ManifestShapes {
  static let functionTypes = [
    "destination", "site_destination", "internal_destination", "source_webhook", "site_app", "transformation",
  ]
  static let inputTypes = [
    "string", "number", "boolean", "dictionary", "choice", "json", "integration", "integration_field",
    "email",
  ]
  static let broadcastPolicies = ["never", "on_create", "on_change"]
  static let filterSources = ["events", "person-updates"]
  static let apiPaths = ["environments", "projects"]
  static let testStatuses = ["success", "error", "skipped"]
  static let inputTemplating = ["hog", "liquid"]
  /// Fields `ignore_changes` may name: the API fields a manifest manages.
  static let managedFields = [
    "description", "enabled", "hog", "icon_url", "inputs_schema", "inputs", "filters", "masking", "mappings",
    "execution_order",
  ]

  static let inputSchemaItem = ObjectShape([
    .required("type", .enumeration(inputTypes)),
    .required("key", .string),
    .optional("label", .string),
    .optional("description", .string),
    .optional("choices", .json),
    .optional("required", .boolean),
    .optional("default", .json),
    .optional("secret", .boolean),
    .optional("hidden", .boolean),
    .optional("integration", .string),
    .optional("integration_key", .string),
    .optional("integration_field", .string),
    .optional("requires_field", .string),
    .optional("requiredScopes", .string),
    .optional("templating", .json),
  ])

  static let eventFilter = ObjectShape([
    .required("id", .nullable(.string)),
    .optional("name", .string),
    .optional("type", .enumeration(["events"])),
    .optional("order", .integer(0...Int.max)),
    .optional("custom_name", .string),
    .optional("properties", .list(.json)),
  ])

  static let actionFilter = ObjectShape([
    .required("id", .string),
    .optional("name", .string),
    .optional("type", .enumeration(["actions"])),
    .optional("order", .integer(0...Int.max)),
    .optional("custom_name", .string),
    .optional("properties", .list(.json)),
  ])

  static let filters = ObjectShape([
    .optional("source", .enumeration(filterSources)),
    .optional("events", .list(.object(eventFilter))),
    .optional("actions", .list(.object(actionFilter))),
    .optional("properties", .list(.json)),
    .optional("filter_test_accounts", .boolean),
  ])

  static let masking = ObjectShape([
    .required("ttl", .integer(60...86400, rangeRule: RuleID.maskingTTLRange)),
    .required("hash", .string, rule: RuleID.maskingHashRequired),
    .optional("threshold", .nullable(.integer(0...Int.max))),
  ])

  static let mapping = ObjectShape([
    .optional("name", .string),
    .optional("inputs_schema", .list(.object(inputSchemaItem))),
    .optional("inputs", .inputs),
    .optional("filters", .nullable(.object(filters))),
  ])

  static let test = ObjectShape(
    [
      .required("name", .string),
      .required(
        "globals",
        .object(
          ObjectShape([
            .required("event", .json), .optional("person", .json), .optional("groups", .json),
            .optional("project", .json), .optional("source", .json),
          ]))),
      .optional(
        "expect",
        .object(
          ObjectShape([
            .optional("status", .enumeration(testStatuses)),
            .optional("logs_contain", .list(.string)),
            .optional("result", .json),
            .optional(
              "fetch",
              .list(
                .object(
                  ObjectShape([
                    .optional("url", .string), .optional("method", .string), .optional("body", .json),
                  ])))),
          ]))),
    ], ruleOverride: RuleID.invalidTest)

  static let hogFunction = ObjectShape([
    .optional("type", .enumeration(functionTypes)),
    .required("name", .string),
    .optional("description", .string),
    .optional("enabled", .boolean),
    .optional("template_id", .string),
    .optional("hog", .string),
    .optional("icon_url", .nullable(.string)),
    .optional("inputs_schema", .list(.object(inputSchemaItem))),
    .optional("inputs", .inputs),
    .optional("filters", .nullable(.object(filters))),
    .optional("masking", .nullable(.object(masking))),
    .optional("mappings", .nullable(.list(.object(mapping)))),
    .optional("execution_order", .nullable(.integer(0...32767))),
    .optional("id", .string),
    .optional("previous_names", .list(.string)),
    .optional("deleted", .boolean),
    .optional("ignore_changes", .list(.string)),
    .optional("broadcast", .enumeration(broadcastPolicies)),
    .optional("tests", .list(.object(test))),
  ])

  static let settings = ObjectShape([
    .optional("version", .integer(1...1, rangeRule: RuleID.invalidSettingsVersion)),
    .optional("project", .object(project)),
    .optional(
      "manage",
      .object(
        ObjectShape([
          .optional("types", .list(.enumeration(functionTypes))), .optional("prune", .boolean),
          .optional("ignore", .list(.string)),
        ]))),
    .optional(
      "safety",
      .object(
        ObjectShape([
          .optional("max_delete_percent", .number(0...100)),
          .optional("max_update_percent", .number(0...100)),
        ]))),
    .optional("order", .map(keys: functionTypes, values: .list(.string))),
    .optional("environments", .map(keys: nil, values: .object(project))),
  ])

  /// `project`, and each entry of `environments`.
  static let project = ObjectShape([
    .optional("host", .string), .optional("id", .string), .optional("api_path", .enumeration(apiPaths)),
  ])
}
