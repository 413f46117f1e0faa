import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler

/// A secret input that import writes as `!env NAME`: PostHog never returns its value.
public struct SecretVariable: Sendable, Hashable {
  public var name: String
  public var function: String
  public var type: String
  /// `inputs.token`, or `mappings[1].inputs.token`.
  public var input: String
}

/// One live function as a manifest: the YAML document, the `.hog` file beside it when the code
/// spans several lines, and the variables its secrets read.
struct FunctionManifest {
  var document: YAMLNode
  /// The `.hog` file's text, when the code is in one.
  var hogFile: String?
  var variables: [SecretVariable]

  /// Fields a template fills on create: left out when equal to the template's, so a template
  /// upgrade flows through.
  static let templateFilled = ["description", "hog", "icon_url", "inputs_schema"]

  /// - Parameters:
  ///   - live: the function as listed, with `template_id` when it was made from a template.
  ///   - template: that template, as the API returns it.
  ///   - slug: the function's unique file slug (`<slug>.yaml`, `<slug>.hog`, variable names).
  ///   - executionOrder: written as `execution_order` when the order is not in hogctl.yaml.
  init(
    live: HogFunction, template: JSONValue?, slug: String, pinID: Bool, executionOrder: Int?
  ) {
    let raw = live.raw
    var pairs: [(key: String, value: YAMLNode)] = [("type", .text(live.type)), ("name", .text(live.name))]
    (document, hogFile, variables) = (.mapping([], flow: false), nil, [])
    func omitted(_ field: String) -> Bool {
      if let template, Self.templateFilled.contains(field) {
        let templateValue = field == "hog" ? (template["code"] ?? template["hog"]) : template[field]
        return Normalizer.field(field, raw[field]) == Normalizer.field(field, templateValue)
      }
      return field != "hog" && Normalizer.field(field, nil) == Normalizer.field(field, raw[field])
    }
    if !omitted("description") { pairs.append(("description", .from(raw["description"] ?? ""))) }
    if !omitted("enabled") { pairs.append(("enabled", .from(raw["enabled"] ?? true))) }
    let templateID = template == nil ? nil : raw["template_id"]?.stringValue
    if let templateID { pairs.append(("template_id", .text(templateID))) }
    if pinID { pairs.append(("id", .text(live.id))) }
    if !omitted("hog") {
      let code = Normalizer.hog(raw["hog"]?.stringValue ?? "")
      if code.contains("\n") {
        hogFile = code + "\n"
        pairs.append(("hog", .tagged("!file", slug + ".hog")))
      } else {
        pairs.append(("hog", .text(code)))
      }
    }
    if !omitted("icon_url") { pairs.append(("icon_url", .from(raw["icon_url"] ?? nil))) }
    if !omitted("inputs_schema") {
      pairs.append(("inputs_schema", Self.schemaNode(ShortForm.inputsSchema(raw["inputs_schema"] ?? []))))
    }
    let schema = InputSchema(
      raw["inputs_schema"].flatMap { $0.isNull ? nil : $0 } ?? template?["inputs_schema"])
    let probe = DesiredFunction(
      name: live.name, type: live.type, location: ManifestLocation(file: "", line: 1, column: 1), fields: [:])
    let secrets = Normalizer.secretKeys(desired: probe, live: live, template: template)
    let inputs = inputsNode(
      raw["inputs"], schema: schema, secrets: secrets,
      variable: { ImportNaming.variable(slug: slug, key: $0) },
      describe: { "inputs.\($0)" }, live: live)
    if let inputs { pairs.append(("inputs", inputs)) }
    if let filters = ShortForm.filters(raw["filters"]) { pairs.append(("filters", .from(.object(filters)))) }
    if !omitted("masking"), let masking = raw["masking"] {
      pairs.append(("masking", .from(ShortForm.masking(masking))))
    }
    if !omitted("mappings"), let mappings = raw["mappings"]?.arrayValue {
      let nodes = mappings.enumerated().map { index, mapping in
        mappingNode(mapping, index: index, slug: slug, live: live)
      }
      pairs.append(("mappings", .sequence(nodes, flow: false)))
    }
    if let executionOrder {
      pairs.append(("execution_order", .scalar(String(executionOrder), style: .plain)))
    }
    document = .mapping(pairs, flow: false)
  }

  /// Schema items one per line as block mappings, their `choices` and `default` as they come.
  static func schemaNode(_ items: JSONValue) -> YAMLNode {
    guard let list = items.arrayValue else { return .from(items) }
    return .sequence(list.map(YAMLNode.from), flow: list.isEmpty)
  }

  /// The `inputs` mapping, secrets as `!env`; nil when there is nothing to write.
  private mutating func inputsNode(
    _ live: JSONValue?, schema: InputSchema, secrets: Set<String>, variable: (String) -> String,
    describe: (String) -> String, live function: HogFunction
  ) -> YAMLNode? {
    var pairs: [(key: String, value: YAMLNode)] = []
    for (key, raw) in live?.objectValue ?? [:] {
      if schema.isKnown, schema.items[key] == nil { continue }
      if secrets.contains(key) {
        // Only a stored secret is written: one PostHog holds no value for stays unset.
        guard Normalizer.isStoredSecretMarker(raw) || !(Normalizer.longForm(raw)["value"] ?? .null).isNull
        else { continue }
        let name = variable(key)
        variables.append(
          SecretVariable(name: name, function: function.name, type: function.type, input: describe(key)))
        pairs.append((key, .tagged("!env", name)))
        continue
      }
      switch ShortForm.input(raw, key: key, schema: schema) {
      case .plain(let value): pairs.append((key, .from(value)))
      case .long(let object):
        guard case .mapping(let members, let flow, _) = YAMLNode.from(.object(object)) else { continue }
        pairs.append((key, .mapping(members, flow: flow, tag: "!input")))
      case nil: continue
      }
    }
    return pairs.isEmpty ? nil : .mapping(pairs, flow: false)
  }

  /// A mapping with the members a manifest's mapping holds, each in its short form.
  private mutating func mappingNode(_ mapping: JSONValue, index: Int, slug: String, live: HogFunction)
    -> YAMLNode
  {
    var pairs: [(key: String, value: YAMLNode)] = []
    if let name = mapping["name"] { pairs.append(("name", .from(name))) }
    let schemaValue = mapping["inputs_schema"]
    if let schemaValue {
      pairs.append(("inputs_schema", Self.schemaNode(ShortForm.inputsSchema(schemaValue))))
    }
    let schema = InputSchema(schemaValue)
    if mapping["inputs"] != nil {
      let node = inputsNode(
        mapping["inputs"], schema: schema, secrets: schema.secretKeys,
        variable: { ImportNaming.variable(slug: slug, key: $0, mapping: index) },
        describe: { "mappings[\(index)].inputs.\($0)" }, live: live)
      pairs.append(("inputs", node ?? .mapping([], flow: true)))
    }
    if let filters = mapping["filters"] {
      let short = ShortForm.filters(filters)
      pairs.append(("filters", short.map { .from(.object($0)) } ?? .mapping([], flow: true)))
    }
    return .mapping(pairs, flow: false)
  }
}
