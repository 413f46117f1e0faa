import HogctlJSON

/// An `inputs_schema` list indexed by key: which inputs are secret, what templating the server
/// copies into each input, and which defaults it fills.
public struct InputSchema: Sendable, Hashable {
  /// Items by `key`, in wire shape (each an object); a key listed twice keeps its last item.
  /// A sorted JSON object rather than a dictionary: schemas hold a handful of items, and several
  /// are indexed per function in a plan, where hashing every key cost more than the search.
  public var items: JSONObject
  /// False when no schema is known (a template-filled schema whose template was not fetched):
  /// then inputs are compared as they are, without dropping keys the schema does not list.
  public var isKnown: Bool

  public init(_ value: JSONValue?) {
    guard let list = value?.arrayValue else {
      self.items = [:]
      self.isKnown = false
      return
    }
    var items = JSONObject(minimumCapacity: list.count)
    for case .object(let item) in list {
      if let key = item["key"]?.stringValue { items[key] = .object(item) }
    }
    self.items = items
    self.isKnown = true
  }

  /// Keys of the items marked `secret: true`.
  public var secretKeys: Set<String> {
    var keys: Set<String> = []
    insertSecretKeys(into: &keys)
    return keys
  }

  /// Adds the keys of the items marked `secret: true`, for callers gathering several schemas'.
  func insertSecretKeys(into keys: inout Set<String>) {
    for (key, item) in items where item["secret"]?.boolValue == true { keys.insert(key) }
  }

  /// The templating the server copies into an input of this key: `true` (and, leniently, an
  /// absent flag) → `hog`, a string as it is, `false` → none.
  /// `item` is the schema's item for the input's key, `nil` when the schema does not list it.
  static func derivedTemplating(of item: JSONValue?) -> String? {
    switch item?["templating"] {
    case .bool(false): nil
    case .string(let name): name
    default: "hog"
    }
  }

  /// The value the server fills in for an input with none, from the input's schema item.
  static func defaultValue(of item: JSONValue) -> JSONValue? {
    guard let value = item["default"], !value.isNull else { return nil }
    return value
  }
}
