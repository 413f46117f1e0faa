import HogctlJSON

extension HogFunctionRules {
  /// Field checks in the serializer's field order (the first failure is the error), then the
  /// object-level checks (mappings, `hog` size, compile, `hog` required).
  func validate(_ body: JSONObject, existing: JSONObject?) throws -> JSONObject {
    var data = body
    if existing == nil { try fillFromTemplate(&data) }
    var record = existing ?? [:]

    let type = try validateType(data["type"], existing: existing)
    record["type"] = .string(type)
    try validateMetadata(data, into: &record, creating: existing == nil)

    var hog: String?
    if let value = data["hog"] {
      let text = try FieldParsers.string(value, ["hog"], allowBlank: false)
      hog = String(text.reversed().drop(while: \.isWhitespace).reversed())
    }

    let schema: [JSONObject]
    if let sentSchema = data["inputs_schema"] {
      schema = try InputsSchemaRules.validate(sentSchema, path: ["inputs_schema"])
      record["inputs_schema"] = .array(schema.map(JSONValue.object))
    } else {
      schema = (existing?["inputs_schema"]?.arrayValue ?? []).compactMap(\.objectValue)
      record["inputs_schema"] = .array(schema.map(JSONValue.object))
    }
    let storedInputs = existing?["inputs"]?.objectValue ?? [:]
    let sentInputs = data["inputs"] ?? .object(storedInputs)
    record["inputs"] = .object(
      try InputsRules.validate(sentInputs, schema: schema, stored: storedInputs, path: ["inputs"]))

    if let filters = data["filters"] {
      record["filters"] = try FiltersRules.normalize(filters, path: ["filters"])
    } else if existing == nil {
      record["filters"] = try FiltersRules.normalize([:], path: ["filters"])
    }
    if let masking = data["masking"] {
      record["masking"] = try FiltersRules.masking(masking, path: ["masking"])
    } else if existing == nil {
      record["masking"] = .null
    }
    if var mappings = data["mappings"] {
      if existing == nil, mappings.arrayValue?.isEmpty == true { mappings = .null }
      record["mappings"] = try MappingsRules.validate(
        mappings, existing: existing?["mappings"]?.arrayValue ?? [], path: ["mappings"])
    } else if existing == nil {
      record["mappings"] = .null
    }
    try validateTrailingFields(data, into: &record, creating: existing == nil)

    if let mappings = record["mappings"], !mappings.isNull, data["mappings"] != nil,
      !Self.mappingTypes.contains(type)
    {
      throw FieldErrors.invalid("Mappings are only allowed for destinations.", ["mappings"])
    }
    if let hog {
      try compile(hog, type: type, into: &record)
    } else if existing == nil {
      throw FieldErrors.invalid("Required.", ["hog"])
    }
    return record
  }

  /// On create, `template_id` fills `hog`, `inputs_schema`, `name`, `description` and `icon_url`
  /// where the body leaves them empty.
  func fillFromTemplate(_ data: inout JSONObject) throws {
    guard let id = data["template_id"], !id.isNull else { return }
    guard let text = id.stringValue, let template = templates.get(text) else {
      throw FieldErrors.invalid("No template found for id '\(FieldErrors.pythonText(id))'", ["template_id"])
    }
    let filled = [
      "hog": "code", "inputs_schema": "inputs_schema", "name": "name", "description": "description",
      "icon_url": "icon_url",
    ]
    for (field, source) in filled where !InputsRules.isTruthy(data[field] ?? .null) {
      data[field] = template[source] ?? .null
    }
  }

  func validateType(_ value: JSONValue?, existing: JSONObject?) throws -> String {
    let current = existing?["type"]?.stringValue
    guard let value, !value.isNull else { return current ?? "destination" }
    let type = try FieldParsers.choice(value, ["type"], in: Self.types)
    if let current, current != type {
      throw FieldErrors.invalid("Cannot modify the type of an existing function", ["type"])
    }
    return type
  }

  /// `name`, `description`, `enabled`, `deleted`.
  func validateMetadata(
    _ data: JSONObject, into record: inout JSONObject, creating: Bool
  ) throws {
    if let name = data["name"], !(creating && name.isNull) {
      record["name"] = .string(try FieldParsers.string(name, ["name"], allowBlank: false, maxLength: 400))
    } else if creating {
      throw FieldErrors.required(["name"])
    }
    if let description = data["description"] {
      record["description"] = .string(try FieldParsers.string(description, ["description"]))
    } else if creating {
      record["description"] = ""
    }
    if let enabled = data["enabled"] {
      record["enabled"] = .bool(try FieldParsers.boolean(enabled, ["enabled"]))
    } else if creating {
      record["enabled"] = false
    }
    if let deleted = data["deleted"] { _ = try FieldParsers.boolean(deleted, ["deleted"]) }
  }

  /// `icon_url`, `template_id` (kept on create only), `execution_order`, `_create_in_folder`.
  func validateTrailingFields(
    _ data: JSONObject, into record: inout JSONObject, creating: Bool
  ) throws {
    if let icon = data["icon_url"] {
      record["icon_url"] = try FieldParsers.optionalString(icon, ["icon_url"])
    } else if creating {
      record["icon_url"] = .null
    }
    if creating, let template = data["template_id"], !template.isNull {
      record["template_id"] = template
    }
    if let order = data["execution_order"] {
      record["execution_order"] =
        order.isNull
        ? .null : .number(Double(try FieldParsers.integer(order, ["execution_order"], min: 0, max: 32_767)))
    } else if creating {
      record["execution_order"] = .null
    }
    if let folder = data["_create_in_folder"] { _ = try FieldParsers.string(folder, ["_create_in_folder"]) }
  }

  /// The size limit, the compile check, and the derived `bytecode` and `transpiled`.
  func compile(_ hog: String, type: String, into record: inout JSONObject) throws {
    if hog.utf8.count > Self.maxHogBytes {
      throw FieldErrors.invalid(
        "HOG code exceeds maximum size of 100KB. Please simplify your code or contact support if you need this limit increased.",
        ["hog"])
    }
    record["hog"] = .string(hog)
    if Self.javascriptTypes.contains(type) {
      record["bytecode"] = .null
      record["transpiled"] = .string(SitePlaceholder.transpiled(hog))
    } else {
      if HogSourceCheck.hasErrors(hog) { throw FieldErrors.invalid("Hog code has errors.", ["hog"]) }
      record["bytecode"] = BytecodePlaceholder.of(hog)
      record["transpiled"] = .null
    }
  }
}

/// Site functions' `hog` is TypeScript that PostHog transpiles to JavaScript. The emulator does
/// not transpile: `transpiled` is the source, marked as untranspiled.
enum SitePlaceholder {
  static func transpiled(_ source: String) -> String {
    "// hogctl emulator: source stored as sent, not transpiled\n" + source
  }
}
