import HogctlJSON

/// `filters` and `masking`: normalised as PostHog stores them, with placeholder bytecode.
enum FiltersRules {
  static let sources = ["events", "person-updates"]

  /// `null` is `{}`; `source` defaults to `events`; `events`, `actions` and `properties` must be
  /// lists of objects (their items are kept as sent); `person-updates` filters drop events and
  /// actions; unknown keys are dropped; `bytecode` is computed from the rest.
  static func normalize(_ value: JSONValue, path: [String]) throws -> JSONValue {
    if value.isNull { return normalized([:]) }
    guard let filters = value.objectValue else { throw FieldErrors.notAnObject(value, path) }
    var result: JSONObject = [:]
    if let source = filters["source"] {
      result["source"] = .string(try FieldParsers.choice(source, path + ["source"], in: sources))
    }
    for key in ["actions", "events", "properties"] {
      if let list = filters[key] {
        result[key] = .array(try FieldParsers.objectList(list, path + [key]).map(JSONValue.object))
      }
    }
    if let flag = filters["filter_test_accounts"] {
      result["filter_test_accounts"] = .bool(try FieldParsers.boolean(flag, path + ["filter_test_accounts"]))
    }
    return normalized(result)
  }

  private static func normalized(_ filters: JSONObject) -> JSONValue {
    var result = filters
    result["source"] = result["source"] ?? "events"
    if result["source"] == "person-updates" {
      result["events"] = nil
      result["actions"] = nil
    }
    result["bytecode"] = BytecodePlaceholder.of(JSONValue.object(result).serialized())
    return .object(result)
  }

  /// `null`, or `{ttl, threshold?, hash}` with `bytecode` computed from `hash`.
  static func masking(_ value: JSONValue, path: [String]) throws -> JSONValue {
    if value.isNull { return .null }
    guard let masking = value.objectValue else { throw FieldErrors.notAnObject(value, path) }
    guard let ttl = masking["ttl"] else { throw FieldErrors.required(path + ["ttl"]) }
    var result: JSONObject = [
      "ttl": .number(Double(try FieldParsers.integer(ttl, path + ["ttl"], min: 60, max: 86_400)))
    ]
    if let threshold = masking["threshold"] {
      result["threshold"] =
        threshold.isNull ? .null : .number(Double(try FieldParsers.integer(threshold, path + ["threshold"])))
    }
    guard let hash = masking["hash"] else { throw FieldErrors.required(path + ["hash"]) }
    let hashText = try FieldParsers.string(hash, path + ["hash"], allowBlank: false)
    result["hash"] = .string(hashText)
    result["bytecode"] = BytecodePlaceholder.template(.string(hashText))
    return .object(result)
  }
}
