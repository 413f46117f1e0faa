import HogctlJSON

/// The emulator's built-in hog function templates (`/hog_function_templates/`). Ids and input
/// schemas follow PostHog's templates of the same ids; names, descriptions and code are our own.
struct TemplateCatalog: Sendable {
  let templates: [JSONValue]

  init(templates: [JSONValue] = BuiltinTemplates.all) {
    self.templates = templates
  }

  /// Templates of the given types, deprecated ones left out. `types` (from `types=a,b`) wins over
  /// `type`; with neither, every type is listed. Ordered by name, as the UI shows them.
  func list(type: String? = nil, types: [String]? = nil) -> [JSONValue] {
    let wanted = types.map(Set.init) ?? type.map { [$0] }
    return templates.filter { template in
      guard template["status"]?.stringValue != "deprecated" else { return false }
      guard let wanted else { return true }
      return template["type"]?.stringValue.map(wanted.contains) ?? false
    }
    .sorted { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") }
  }

  /// One template by id, deprecated ones included.
  func get(_ id: String) -> JSONValue? {
    templates.first { $0["id"]?.stringValue == id }
  }
}
