import HogctlCore

/// A decoded document as a `DesiredFunction`: API defaults for what the manifest leaves out,
/// filter defaults, and the template exceptions from manifest.md "What a manifest manages".
enum FunctionBuilder {
  /// Fields a template fills on create; left out of `fields` when a template is named.
  static let templateFilled: Set = ["hog", "inputs_schema", "icon_url", "description"]

  static let defaults: JSONObject = [
    "description": "", "enabled": true, "icon_url": nil, "inputs_schema": [], "inputs": [:], "filters": [:],
    "masking": nil, "mappings": nil,
  ]

  static func build(_ parsed: ParsedFunction) -> DesiredFunction? {
    guard let name = parsed.name else { return nil }
    let value = parsed.value
    let templateID = parsed.templateID
    var fields = JSONObject(minimumCapacity: defaults.count + 2)
    for (key, fallback) in defaults {
      if let given = value[key] {
        fields[key] = given
      } else if templateID == nil || !templateFilled.contains(key) {
        fields[key] = fallback
      }
    }
    if let hog = value["hog"] { fields["hog"] = hog }
    if let order = value["execution_order"] { fields["execution_order"] = order }
    if fields["filters"] == .null { fields["filters"] = [:] }
    fields["filters"] = fields["filters"].map(withFilterDefaults)
    if case .array(let mappings) = fields["mappings"] {
      fields["mappings"] = .array(
        mappings.map { mapping in
          var mapping = mapping
          if let filters = mapping["filters"], !filters.isNull {
            mapping["filters"] = withFilterDefaults(filters)
          }
          return mapping
        })
    }
    let secrets = (value["inputs_schema"]?.arrayValue ?? []).compactMap { item in
      item["secret"]?.boolValue == true ? item["key"]?.stringValue : nil
    }
    return DesiredFunction(
      name: name, type: parsed.type, location: parsed.locations.document, fields: fields,
      templateID: templateID, pinnedID: value["id"]?.stringValue,
      previousNames: (value["previous_names"]?.arrayValue ?? []).compactMap(\.stringValue),
      deleted: value["deleted"]?.boolValue ?? false,
      ignoreChanges: (value["ignore_changes"]?.arrayValue ?? []).compactMap(\.stringValue),
      broadcast: value["broadcast"]?.stringValue.flatMap(BroadcastPolicy.init(rawValue:)) ?? .never,
      tests: value["tests"]?.arrayValue ?? [], secretInputKeys: Set(secrets))
  }

  /// The filter lists whose items get defaults, and the `type` each item defaults to.
  private static let filterLists = [("events", "events"), ("actions", "actions")]

  /// Event and action items: `name` defaults to `id`, `type` to the list's type, `order` to the
  /// item's position in its list.
  static func withFilterDefaults(_ filters: JSONValue) -> JSONValue {
    var filters = filters
    for (list, type) in filterLists {
      guard case .array(let items) = filters[list] else { continue }
      filters[list] = .array(
        items.enumerated().map { index, item in
          guard case .object(var item) = item else { return item }
          // The copy made here has room for the defaults, so adding them does not copy again.
          item.reserveCapacity(item.count + 3)
          if item["name"] == nil { item["name"] = item["id"] ?? .null }
          if item["type"] == nil { item["type"] = .string(type) }
          if item["order"] == nil { item["order"] = .number(Double(index)) }
          return .object(item)
        })
    }
    return filters
  }
}
