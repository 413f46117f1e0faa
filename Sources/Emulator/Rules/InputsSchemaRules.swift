import HogctlJSON

/// `inputs_schema` items: their field checks and the `false` defaults PostHog stores.
enum InputsSchemaRules {
  static let types = [
    "string", "number", "boolean", "dictionary", "choice", "json", "integration", "integration_field",
    "email",
  ]
  static let flags = ["required", "secret", "hidden"]
  static let textFields = [
    "description", "integration", "integration_key", "requires_field", "integration_field", "requiredScopes",
  ]

  /// A validated schema list: unknown keys dropped, `required`/`secret`/`hidden` filled with `false`.
  static func validate(_ value: JSONValue, path: [String]) throws -> [JSONObject] {
    let items = try FieldParsers.objectList(value, path)
    return try items.enumerated().map { index, item in
      try validateItem(item, path: path + [String(index)])
    }
  }

  static func validateItem(_ item: JSONObject, path: [String]) throws -> JSONObject {
    var result: JSONObject = [:]
    guard let type = item["type"] else { throw FieldErrors.required(path + ["type"]) }
    result["type"] = .string(try FieldParsers.choice(type, path + ["type"], in: types))
    guard let key = item["key"] else { throw FieldErrors.required(path + ["key"]) }
    result["key"] = .string(try FieldParsers.string(key, path + ["key"], allowBlank: false))
    if let label = item["label"] {
      result["label"] = .string(try FieldParsers.string(label, path + ["label"]))
    }
    if let choices = item["choices"] {
      result["choices"] = .array(
        try FieldParsers.objectList(choices, path + ["choices"]).map(JSONValue.object))
    }
    for flag in ["required"] {
      result[flag] = .bool(try item[flag].map { try FieldParsers.boolean($0, path + [flag]) } ?? false)
    }
    if let defaultValue = item["default"] { result["default"] = defaultValue }
    for flag in ["secret", "hidden"] {
      result[flag] = .bool(try item[flag].map { try FieldParsers.boolean($0, path + [flag]) } ?? false)
    }
    for field in textFields {
      if let text = item[field] {
        result[field] = .string(try FieldParsers.string(text, path + [field], allowBlank: false))
      }
    }
    if let templating = item["templating"] {
      switch templating {
      case .bool, .string("hog"), .string("liquid"): result["templating"] = templating
      default: throw FieldErrors.invalidChoice(templating, path + ["templating"])
      }
    }
    return result
  }

  /// The response form of a stored item: the three flags present, `false` when unset.
  static func rendered(_ item: JSONValue) -> JSONValue {
    guard var object = item.objectValue else { return item }
    for flag in flags where object[flag] == nil { object[flag] = false }
    return .object(object)
  }
}
