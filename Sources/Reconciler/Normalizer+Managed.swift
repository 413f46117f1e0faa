import HogctlJSON
import Manifests
import PostHogAPI

extension Normalizer {
  /// The top-level fields a manifest manages, sorted: the fields it holds plus the API defaults
  /// of those it leaves out, minus template-filled fields it leaves out while naming a template,
  /// minus `ignore_changes`, minus a transformation's `execution_order` (a reorder's business).
  public static func managedFields(of desired: DesiredFunction) -> [String] {
    // Both key lists are sorted (a JSON object keeps its members in key order), so they are
    // merged rather than hashed into sets: this runs for every function in a plan.
    var fields: [String] = []
    fields.reserveCapacity(desired.fields.count + manifestDefaults.count)
    var defaults = manifestDefaults.keys.makeIterator()
    var nextDefault = defaults.next()
    for key in desired.fields.keys {
      while let pending = nextDefault, pending <= key {
        if pending != key { fields.append(pending) }
        nextDefault = defaults.next()
      }
      fields.append(key)
    }
    while let pending = nextDefault {
      fields.append(pending)
      nextDefault = defaults.next()
    }
    return fields.filter { field in
      if serverDerivedFields.contains(field) || field == "name" || field == "type" { return false }
      if desired.templateID != nil, templateFilledFields.contains(field), desired.fields[field] == nil {
        return false
      }
      if desired.type == "transformation", field == "execution_order" { return false }
      return !desired.ignoreChanges.contains(field)
    }
  }

  /// Input keys listed in `ignore_changes` as `inputs.<key>`.
  public static func ignoredInputKeys(of desired: DesiredFunction) -> Set<String> {
    Set(
      desired.ignoreChanges.compactMap { entry in
        entry.hasPrefix("inputs.") ? String(entry.dropFirst("inputs.".count)) : nil
      })
  }

  /// Every input key that is write-only by any schema that applies (the manifest's, as the
  /// loader reports it in `secretInputKeys` and as its schema says, the template's, the live
  /// one's) or that the live function shows as a stored secret.
  public static func secretKeys(
    desired: DesiredFunction, live: HogFunction?, template: JSONValue?
  ) -> Set<String> {
    InputSchemas(desired: desired, live: live, template: template).secretKeys
  }

  /// The input schemas that concern one function, each indexed once: a diff needs both the
  /// effective schema and the secret keys, which read the same lists.
  struct InputSchemas {
    private let desired: DesiredFunction
    private let live: HogFunction?
    private let manifest: InputSchema
    private let server: InputSchema
    private let template: InputSchema

    init(desired: DesiredFunction, live: HogFunction?, template: JSONValue?) {
      self.desired = desired
      self.live = live
      manifest = InputSchema(desired.fields["inputs_schema"])
      server = InputSchema(live?.raw["inputs_schema"])
      self.template = InputSchema(template?["inputs_schema"])
    }

    /// The schema the function's inputs are checked against after apply: the manifest's, else
    /// the live one (a template filled it), else the template's.
    var effective: InputSchema {
      if desired.fields["inputs_schema"] != nil { return manifest }
      if let schema = live?.raw["inputs_schema"], !schema.isNull { return server }
      return template
    }

    var secretKeys: Set<String> {
      var keys = desired.secretInputKeys
      for schema in [manifest, template, server] { schema.insertSecretKeys(into: &keys) }
      for (key, value) in live?.raw["inputs"]?.objectValue ?? [:] where isStoredSecretMarker(value) {
        keys.insert(key)
      }
      return keys
    }
  }

  /// The secret input keys the manifest gives a value for.
  static func secretValuesGiven(_ desired: DesiredFunction, secretKeys: Set<String>) -> Set<String> {
    var given: Set<String> = []
    guard !secretKeys.isEmpty else { return given }
    for (key, raw) in desired.fields["inputs"]?.objectValue ?? [:] where secretKeys.contains(key) {
      if !(longForm(raw)["value"] ?? .null).isNull { given.insert(key) }
    }
    return given
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
