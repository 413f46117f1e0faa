import HogctlJSON

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
      let item = schema.items[key]
      if schema.isKnown, item == nil { continue }
      if let normalized = NormalizedInput(raw, item: item) { result[key] = .object(normalized.object) }
    }
    for (key, item) in schema.items where result[key] == nil && !excluding.contains(key) {
      if let fallback = InputSchema.defaultValue(of: item) { result[key] = ["value": fallback] }
    }
    return result
  }

  /// Whether `inputs(desired, ...) == inputs(live, ...)`, found without building either: a
  /// plan compares every function's inputs, and in the steady state they are all equal.
  public static func sameInputs(
    _ desired: JSONValue?, _ live: JSONValue?, schema: InputSchema, excluding: Set<String>
  ) -> Bool {
    let left = desired?.objectValue ?? [:]
    let right = live?.objectValue ?? [:]
    // Both key lists are sorted: walked side by side, each key of either once. A key on
    // neither side gets the schema's default on both.
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
      guard NormalizedInput(wanted, item: item) == NormalizedInput(current, item: item) else { return false }
    }
    return true
  }

  /// One input in comparable form: its members without the server's `bytecode` and `order`,
  /// `templating` left out when it is what the schema would copy, the schema's default for an
  /// empty value. `item` is the schema's item for the input's key.
  private struct NormalizedInput: Equatable {
    var value: JSONValue?
    var templating: JSONValue?
    var secret: JSONValue?

    /// `nil` when the input holds no value and the schema has no default. An absent input
    /// (`raw` nil) is the default `inputs` fills in, if any.
    init?(_ raw: JSONValue?, item: JSONValue?) {
      let fallback = item.flatMap(InputSchema.defaultValue(of:))
      guard let raw else {
        guard let fallback else { return nil }
        value = fallback
        return
      }
      if case .object(let object) = raw, isLongForm(object) {
        (value, templating, secret) = (object["value"], object["templating"], object["secret"])
      } else {
        value = raw
      }
      if let templating,
        templating.isNull || templating.stringValue == InputSchema.derivedTemplating(of: item)
      {
        self.templating = nil
      }
      if (value ?? .null).isNull || value == "" {
        if let fallback {
          value = fallback
        } else if [value, templating, secret].count(where: { $0 != nil }) <= 1 {
          return nil
        }
      }
    }

    var object: JSONObject {
      var object: JSONObject = [:]
      object["value"] = value
      object["templating"] = templating
      object["secret"] = secret
      return object
    }
  }

  /// The members an input has on the wire, matched without hashing.
  static func isInputWireKey(_ key: String) -> Bool {
    switch key {
    case "value", "templating", "bytecode", "order", "secret": true
    default: false
    }
  }

  /// `{value, templating?, ...}` as it is; anything else is the shorthand for `{value: it}`.
  public static func longForm(_ raw: JSONValue) -> JSONObject {
    if case .object(let object) = raw, isLongForm(object) { return object }
    return ["value": raw]
  }

  /// An object with a `value` or `secret` and only an input's wire members.
  private static func isLongForm(_ object: JSONObject) -> Bool {
    (object["value"] != nil || object["secret"] != nil) && object.keys.allSatisfy(isInputWireKey)
  }

  /// Whether a live input is the server's marker for a stored secret, `{"secret": true}`.
  public static func isStoredSecretMarker(_ value: JSONValue) -> Bool {
    value["secret"]?.boolValue == true
  }
}
