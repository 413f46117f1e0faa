import HogctlJSON

/// The validation and rendering rules of the hog function object, on raw JSON, as PostHog's
/// serializer applies them. The HTTP layer stores what `validateCreate`/`validateUpdate` return
/// (adding `id`, timestamps, `created_by`, `status` and the `execution_order` rules) and answers
/// with `render`.
struct HogFunctionRules: Sendable {
  static let types = [
    "destination", "site_destination", "internal_destination", "source_webhook", "site_app", "transformation",
  ]
  static let mappingTypes: Set<String> = ["destination", "site_destination"]
  static let javascriptTypes: Set<String> = ["site_destination", "site_app"]
  static let writeOnlyFields = ["template_id", "deleted", "_create_in_folder"]
  static let detailOnlyFields = ["inputs", "inputs_schema", "mappings", "masking"]
  static let maxHogBytes = 100 * 1024

  let templates: TemplateCatalog

  init(templates: TemplateCatalog = TemplateCatalog()) {
    self.templates = templates
  }

  /// A create body → the record to store: validated, defaults applied, template filled, secrets
  /// kept in the record, `bytecode`/`filters.bytecode`/input `order` and `templating` computed.
  func validateCreate(_ body: JSONObject) throws -> JSONObject {
    try validate(body, existing: nil)
  }

  /// A PATCH/PUT body over the stored record → the new record (type immutability, inputs replaced
  /// whole, secret keep-markers and their errors). `template_id` is ignored.
  func validateUpdate(_ body: JSONObject, existing: JSONObject) throws -> JSONObject {
    try validate(body, existing: existing)
  }

  /// The response object: secrets shown as `{"secret": true}`, schema flags filled, `template`
  /// resolved, write-only fields removed. `full: false` drops inputs, inputs_schema, mappings and
  /// masking (the list endpoint's short form).
  func render(_ stored: JSONObject, full: Bool) -> JSONObject {
    var object = stored
    for field in Self.writeOnlyFields { object[field] = nil }
    object["template"] = stored["template_id"]?.stringValue.flatMap(templates.get) ?? .null
    for field in ["transpiled", "icon_url", "masking", "mappings", "execution_order", "bytecode"]
    where object[field] == nil {
      object[field] = .null
    }
    object["description"] = object["description"] ?? ""
    object.merge(Self.renderedConfiguration(stored)) { _, rendered in rendered }
    if let mappings = stored["mappings"]?.arrayValue {
      object["mappings"] = .array(
        mappings.map { mapping in
          guard var fields = mapping.objectValue else { return mapping }
          fields.merge(Self.renderedConfiguration(fields)) { _, rendered in rendered }
          return .object(fields)
        })
    }
    if !full {
      for field in Self.detailOnlyFields { object[field] = nil }
    }
    return object
  }

  /// `inputs_schema` with its flags filled and `inputs` with secrets hidden, for a function or a
  /// mapping.
  static func renderedConfiguration(_ fields: JSONObject) -> JSONObject {
    let schema = fields["inputs_schema"]?.arrayValue ?? []
    var inputs = fields["inputs"]?.objectValue ?? [:]
    for item in schema where item["secret"]?.boolValue == true {
      guard let key = item["key"]?.stringValue else { continue }
      let stored = inputs[key]?["value"]
      inputs[key] = stored.map { $0.isNull ? nil : ["secret": true] } ?? nil
    }
    return ["inputs_schema": .array(schema.map(InputsSchemaRules.rendered)), "inputs": .object(inputs)]
  }
}
