import HogctlJSON

/// A decoded document as a `DesiredFunction`: API defaults for what the manifest leaves out,
/// filter defaults, and the template exceptions from manifest.md "What a manifest manages".
enum FunctionBuilder {
  /// Fields a template fills on create; left out of `fields` when a template is named.
  static let templateFilled: Set = ["hog", "inputs_schema", "icon_url", "description"]

  static let defaults: JSONObject = [
    "description": "", "enabled": true, "icon_url": nil, "inputs_schema": [], "inputs": [:], "filters": [:],
    "masking": nil, "mappings": nil,
  ]

  /// The fields a function is built with, in key order: the defaults' with their fallbacks,
  /// and `hog` and `execution_order` when the manifest gives them.
  private static let builtFields: [(key: String, fallback: JSONValue?)] =
    (defaults.map { ($0.key, Optional.some($0.value)) } + [("hog", nil), ("execution_order", nil)])
    .sorted { $0.0 < $1.0 }

  static func build(_ parsed: ParsedFunction) -> DesiredFunction? {
    guard let name = parsed.name else { return nil }
    let value = parsed.value
    let templateID = parsed.templateID
    // Both lists are in key order, so they are merged in one pass and the fields come out in
    // order: no search or insertion per field.
    var members: [JSONObject.Element] = []
    members.reserveCapacity(builtFields.count)
    value.withMembers { given in
      var next = 0
      for (key, fallback) in builtFields {
        while next < given.count, given[next].key < key { next += 1 }
        if next < given.count, given[next].key == key {
          members.append((key, given[next].value))
        } else if let fallback, templateID == nil || !templateFilled.contains(key) {
          members.append((key, fallback))
        }
      }
    }
    var fields = JSONObject(lastWins: members)
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
      tests: value["tests"]?.arrayValue ?? [], secretInputKeys: Set(secrets),
      sensitiveFields: Set(parsed.sensitivePaths.map(sensitiveField)), sensitiveValues: parsed.sensitiveValues
    )
  }

  /// The field a sensitive path belongs to: one input (`inputs.url`), else the top-level field.
  static func sensitiveField(of path: String) -> String {
    let parts = path.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "[" }
    guard parts.count > 1, parts[0] == "inputs" else { return String(parts[0]) }
    return "inputs.\(parts[1])"
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
