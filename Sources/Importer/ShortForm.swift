import HogctlJSON
import Reconciler

/// The plan's normalisation applied in reverse: a live value in the shortest form a manifest
/// can give it. A member is dropped only when the `Normalizer` (the plan's comparison) gives the
/// same result without it, so the short form plans as no change by construction.
enum ShortForm {
  /// `object` without each member of `keys` whose removal leaves `normalized` unchanged.
  static func dropRestorable(
    _ object: JSONObject, keys: [String], normalized: (JSONObject) -> JSONValue
  ) -> JSONObject {
    let target = normalized(object)
    var current = object
    for key in keys where current[key] != nil {
      var candidate = current
      candidate[key] = nil
      if normalized(candidate) == target { current = candidate }
    }
    return current
  }

  /// `filters`, or nil when they are the default (none): event and action items lose the
  /// `name`, `type` and `order` their defaults give them, and the filter itself loses the
  /// default `source`, `filter_test_accounts: false`, empty lists and the server's bytecode.
  static func filters(_ live: JSONValue?) -> JSONObject? {
    guard let object = live?.objectValue else { return nil }
    let normalize = { (object: JSONObject) in Normalizer.filters(.object(object)) }
    if normalize(object) == Normalizer.filters(.null) { return nil }
    var current = object
    for listKey in ["events", "actions"] {
      guard var items = current[listKey]?.arrayValue else { continue }
      for index in items.indices {
        guard let item = items[index].objectValue else { continue }
        let (base, siblings) = (current, items)
        items[index] = .object(
          dropRestorable(item, keys: item.keys.filter { $0 != "id" }) { candidate in
            var whole = base
            var list = siblings
            list[index] = .object(candidate)
            whole[listKey] = .array(list)
            return normalize(whole)
          })
      }
      current[listKey] = .array(items)
    }
    return dropRestorable(current, keys: Array(current.keys), normalized: normalize)
  }

  /// `inputs_schema` items without the flags responses fill with `false`.
  static func inputsSchema(_ live: JSONValue) -> JSONValue {
    guard let items = live.arrayValue else { return live }
    return .array(
      items.map { item in
        guard let object = item.objectValue else { return item }
        return .object(
          dropRestorable(object, keys: ["required", "secret", "hidden"]) {
            Normalizer.inputsSchema([.object($0)])
          })
      })
  }

  /// `masking` without the server's bytecode and a null `threshold`.
  static func masking(_ live: JSONValue) -> JSONValue {
    guard let object = live.objectValue else { return live }
    return .object(dropRestorable(object, keys: Array(object.keys)) { Normalizer.masking(.object($0)) })
  }

  /// One input as a manifest gives it.
  enum Input: Equatable {
    /// The shorthand: the bare value.
    case plain(JSONValue)
    /// `!input {value, templating}`.
    case long(JSONObject)
  }

  /// A live input (`{value, templating?, order?}`) in its shortest form: templating the schema
  /// would copy anyway and the server's `order` dropped; the bare value when nothing else is
  /// left. Nil when the input holds nothing the plan compares (no value and no default).
  static func input(_ raw: JSONValue, key: String, schema: InputSchema) -> Input? {
    let normalize = { (input: JSONObject) -> JSONValue in
      .object(Normalizer.inputs(.object([key: .object(input)]), schema: schema))
    }
    let long = Normalizer.longForm(raw)
    let target = normalize(long)
    guard target.objectValue?[key] != nil else { return nil }
    // An empty value the schema's default stands in for is left out, as the server fills it.
    let value: JSONValue = long["value"] ?? .null
    let absent: JSONValue = .object(Normalizer.inputs(.object([:]), schema: schema))
    if value.isNull || value == "", absent == target { return nil }
    let short = dropRestorable(long, keys: long.keys.filter { $0 != "value" }, normalized: normalize)
    if short.count == 1, let value = short["value"] { return .plain(value) }
    return .long(short)
  }
}
