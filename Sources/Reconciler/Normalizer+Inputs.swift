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

  /// Whether `inputs(desired, ...) == inputs(live, ...)`, found without building either: a
  /// plan compares every function's inputs, and in the steady state they are all equal.
  public static func sameInputs(
    _ desired: JSONValue?, _ live: JSONValue?, schema: InputSchema, excluding: Set<String>
  ) -> Bool {
    let left = desired?.objectValue ?? [:]
    let right = live?.objectValue ?? [:]
    // Both key lists are sorted: walked side by side, each key of either once.
    var (l, r) = (0, 0)
    while l < left.count || r < right.count {
      let key: String
      var (wanted, current): (JSONValue?, JSONValue?) = (nil, nil)
      if r == right.count || (l < left.count && left[l].key < right[r].key) {
        (key, wanted) = left[l]
        l += 1
      } else if l == left.count || right[r].key < left[l].key {
        (key, current) = right[r]
        r += 1
      } else {
        (key, wanted, current) = (left[l].key, left[l].value, right[r].value)
        (l, r) = (l + 1, r + 1)
      }
      if excluding.contains(key) { continue }
      let item = schema.items[key]
      if schema.isKnown && item == nil { continue }
      guard comparableInput(wanted, item: item) == comparableInput(current, item: item) else { return false }
    }
    return true
  }

  /// An input's members after `input(_:key:schema:)`, or the default `inputs` fills in when it
  /// has none: the same comparison without building an object.
  private struct ComparableInput: Equatable {
    var value: JSONValue?
    var templating: JSONValue?
    var secret: JSONValue?
  }

  /// `item` is the schema's item for the input's key.
  private static func comparableInput(_ raw: JSONValue?, item: JSONValue?) -> ComparableInput? {
    let fallback = item.flatMap(InputSchema.defaultValue(of:))
    guard let raw else { return fallback.map { ComparableInput(value: $0) } }
    var input: ComparableInput
    if case .object(let object) = raw, object["value"] != nil || object["secret"] != nil,
      object.keys.allSatisfy(isInputWireKey)
    {
      input = ComparableInput(
        value: object["value"], templating: object["templating"], secret: object["secret"])
    } else {
      input = ComparableInput(value: raw)
    }
    if let templating = input.templating,
      templating.isNull || templating.stringValue == InputSchema.derivedTemplating(of: item)
    {
      input.templating = nil
    }
    let value = input.value ?? .null
    if value.isNull || value == "" {
      if let fallback {
        input.value = fallback
      } else if [input.value, input.templating, input.secret].count(where: { $0 != nil }) <= 1 {
        // `input` drops it, and `inputs` then fills the default: there is none.
        return nil
      }
    }
    return input
  }

  /// The members an input has on the wire, matched without hashing.
  static func isInputWireKey(_ key: String) -> Bool {
    switch key {
    case "value", "templating", "bytecode", "order", "secret": true
    default: false
    }
  }

  /// `{value, templating?, ...}` as it is; anything else is the shorthand for `{value: it}`.
  static func longForm(_ raw: JSONValue) -> JSONObject {
    if case .object(let object) = raw, object["value"] != nil || object["secret"] != nil,
      object.keys.allSatisfy(isInputWireKey)
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
