import HogctlCore

extension Normalizer {
  /// `inputs` in comparable form: every value as `{value, templating?}` (a plain value is the
  /// shorthand for `{value}`), the server's `bytecode` and `order` dropped, `templating` dropped
  /// when it is what the schema would copy, schema defaults filled for inputs with no value,
  /// inputs with no value dropped, and keys the schema does not list dropped (the server drops
  /// them). Keys in `excluding` (secrets, ignored inputs) are left out.
  public static func inputs(
    _ value: JSONValue?, schema: InputSchema, excluding: Set<String> = []
  ) -> JSONObject {
    var result: JSONObject = [:]
    for (key, raw) in value?.objectValue ?? [:] where !excluding.contains(key) {
      if schema.isKnown, schema.items[key] == nil { continue }
      if let normalized = input(raw, key: key, schema: schema) { result[key] = normalized }
    }
    for key in schema.items.keys where result[key] == nil && !excluding.contains(key) {
      if let fallback = schema.defaultValue(forKey: key) { result[key] = ["value": fallback] }
    }
    return result
  }

  /// One input in comparable form, or nil when it holds no value.
  static func input(_ raw: JSONValue, key: String, schema: InputSchema) -> JSONValue? {
    var object = longForm(raw)
    object["bytecode"] = nil
    object["order"] = nil
    if let templating = object["templating"] {
      let copied = schema.derivedTemplating(forKey: key)
      if templating.isNull || templating.stringValue == copied { object["templating"] = nil }
    }
    let value = object["value"] ?? .null
    if value.isNull || value == "" {
      if let fallback = schema.defaultValue(forKey: key) {
        object["value"] = fallback
      } else if object.count <= 1 {
        return nil
      }
    }
    return .object(object)
  }

  static let inputWireKeys: Set<String> = ["value", "templating", "bytecode", "order", "secret"]

  /// `{value, templating?, ...}` as it is; anything else is the shorthand for `{value: it}`.
  static func longForm(_ raw: JSONValue) -> JSONObject {
    if case .object(let object) = raw, object["value"] != nil || object["secret"] != nil,
      object.keys.allSatisfy(inputWireKeys.contains)
    {
      return object
    }
    return ["value": raw]
  }

  /// Whether a live input is the server's marker for a stored secret, `{"secret": true}`.
  public static func isStoredSecretMarker(_ value: JSONValue) -> Bool {
    value["secret"]?.boolValue == true
  }
}
