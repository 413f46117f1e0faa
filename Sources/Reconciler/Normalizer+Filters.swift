import HogctlJSON

extension Normalizer {
  /// `filters` in comparable form: null is `{}`; the server's `bytecode`/`bytecode_error`
  /// dropped; `source: events` (the default) dropped; event and action items get their defaults
  /// (`name` = `id`, `type`, `order` = position); empty lists and `filter_test_accounts: false`
  /// are the same as none.
  public static func filters(_ value: JSONValue) -> JSONValue {
    guard case .object(var object) = value else { return value.isNull ? [:] : value }
    object["bytecode"] = nil
    object["bytecode_error"] = nil
    if object["source"] == "events" || object["source"]?.isNull == true { object["source"] = nil }
    if object["filter_test_accounts"] == false { object["filter_test_accounts"] = nil }
    for (key, type) in [("events", "events"), ("actions", "actions")] {
      if let items = object[key]?.arrayValue {
        object[key] = .array(items.enumerated().map { filterItem($1, type: type, position: $0) })
      }
    }
    for key in ["events", "actions", "properties"] where object[key] == [] || object[key] == .null {
      object[key] = nil
    }
    return .object(object)
  }

  static func filterItem(_ item: JSONValue, type: String, position: Int) -> JSONValue {
    guard case .object(var object) = item else { return item }
    if object["name"] == nil { object["name"] = object["id"] ?? .null }
    if object["type"] == nil { object["type"] = .string(type) }
    if object["order"] == nil { object["order"] = .number(Double(position)) }
    if object["properties"] == [] || object["properties"]?.isNull == true {
      object["properties"] = nil
    }
    return .object(object)
  }

  /// PostHog may name an action (or the all-events item) itself; when the manifest gave no
  /// `name`, the live one is not a difference.
  static func alignFilterNames(live: JSONValue, desiredRaw: JSONValue?, desired: JSONValue)
    -> JSONValue
  {
    guard case .object(var object) = live else { return live }
    for key in ["events", "actions"] {
      guard let liveItems = object[key]?.arrayValue,
        let rawItems = desiredRaw?[key]?.arrayValue,
        let desiredItems = desired[key]?.arrayValue
      else { continue }
      object[key] = .array(
        liveItems.enumerated().map { index, item in
          guard index < rawItems.count, index < desiredItems.count, rawItems[index]["name"] == nil
          else { return item }
          var aligned = item
          aligned["name"] = desiredItems[index]["name"]
          return aligned
        })
    }
    return .object(object)
  }
}
