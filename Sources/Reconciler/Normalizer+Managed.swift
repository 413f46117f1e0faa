import HogctlCore
import Manifests
import PostHogAPI

extension Normalizer {
  /// The top-level fields a manifest manages, sorted: the fields it holds plus the API defaults
  /// of those it leaves out, minus template-filled fields it leaves out while naming a template,
  /// minus `ignore_changes`, minus a transformation's `execution_order` (a reorder's business).
  public static func managedFields(of desired: DesiredFunction) -> [String] {
    var fields = Set(desired.fields.keys).union(manifestDefaults.keys)
    if desired.templateID != nil {
      fields.subtract(templateFilledFields.subtracting(desired.fields.keys))
    }
    fields.subtract(desired.ignoreChanges)
    fields.subtract(serverDerivedFields)
    fields.subtract(["name", "type"])
    if desired.type == "transformation" { fields.remove("execution_order") }
    return fields.sorted()
  }

  /// Input keys listed in `ignore_changes` as `inputs.<key>`.
  public static func ignoredInputKeys(of desired: DesiredFunction) -> Set<String> {
    Set(
      desired.ignoreChanges.compactMap { entry in
        entry.hasPrefix("inputs.") ? String(entry.dropFirst("inputs.".count)) : nil
      })
  }

  /// The schema the function's inputs are checked against after apply: the manifest's, else the
  /// live one (a template filled it), else the template's.
  public static func effectiveSchema(
    desired: DesiredFunction, live: HogFunction?, template: JSONValue?
  ) -> InputSchema {
    if let schema = desired.fields["inputs_schema"] { return InputSchema(schema) }
    if let schema = live?.raw["inputs_schema"], !schema.isNull { return InputSchema(schema) }
    return InputSchema(template?["inputs_schema"])
  }

  /// Every input key that is write-only by any schema that applies (the manifest's, as the
  /// loader reports it in `secretInputKeys` and as its schema says, the template's, the live
  /// one's) or that the live function shows as a stored secret.
  public static func secretKeys(
    desired: DesiredFunction, live: HogFunction?, template: JSONValue?
  ) -> Set<String> {
    var keys = desired.secretInputKeys
    for schema in [desired.fields["inputs_schema"], template?["inputs_schema"], live?.raw["inputs_schema"]] {
      keys.formUnion(InputSchema(schema).secretKeys)
    }
    for (key, value) in live?.raw["inputs"]?.objectValue ?? [:] where isStoredSecretMarker(value) {
      keys.insert(key)
    }
    return keys
  }

  /// The secret input keys the manifest gives a value for.
  static func secretValuesGiven(_ desired: DesiredFunction, secretKeys: Set<String>) -> Set<String> {
    Set(
      (desired.fields["inputs"]?.objectValue ?? [:]).compactMap { key, raw in
        guard secretKeys.contains(key) else { return nil }
        let value = longForm(raw)["value"] ?? .null
        return value.isNull ? nil : key
      })
  }

  /// How an input shows in a plan: the bare value when that is all it holds.
  static func displayInput(_ input: JSONValue?) -> PlanValue {
    guard let input else { return .absent }
    if let object = input.objectValue, object.count == 1, let value = object["value"] {
      return .value(value)
    }
    return .value(input)
  }
}
