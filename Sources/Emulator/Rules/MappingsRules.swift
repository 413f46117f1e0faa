import HogctlJSON

/// `mappings`: `null` or a list of `{name?, inputs_schema?, inputs?, filters?}`, each validated like
/// the function itself. Secret inputs of a mapping keep their value from the stored mapping at
/// the same position.
enum MappingsRules {
  static func validate(_ value: JSONValue, existing: [JSONValue], path: [String]) throws -> JSONValue {
    if value.isNull { return .null }
    let mappings = try FieldParsers.objectList(value, path)
    return .array(
      try mappings.enumerated().map { index, mapping in
        let itemPath = path + [String(index)]
        let stored = index < existing.count ? existing[index].objectValue ?? [:] : [:]
        var result: JSONObject = [:]
        if let name = mapping["name"] {
          result["name"] = .string(try FieldParsers.string(name, itemPath + ["name"], allowBlank: false))
        }
        let schema = try mapping["inputs_schema"].map {
          try InputsSchemaRules.validate($0, path: itemPath + ["inputs_schema"])
        }
        if let schema { result["inputs_schema"] = .array(schema.map(JSONValue.object)) }
        if let inputs = mapping["inputs"] {
          result["inputs"] = .object(
            try InputsRules.validate(
              inputs, schema: schema ?? [], stored: stored["inputs"]?.objectValue ?? [:],
              path: itemPath + ["inputs"]))
        }
        if let filters = mapping["filters"] {
          result["filters"] = try FiltersRules.normalize(filters, path: itemPath + ["filters"])
        }
        return .object(result)
      })
  }
}
