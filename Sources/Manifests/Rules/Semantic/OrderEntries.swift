/// The names listed under `order` in `hogctl.yaml`, with where each was written.
struct OrderEntry {
  var type: String
  var name: String
  var location: ManifestLocation
}

extension RuleContext {
  var orderEntries: [OrderEntry] {
    guard let settings, let order = settings.value["order"]?.objectValue else { return [] }
    return order.keys.sorted().flatMap { type in
      (order[type]?.arrayValue ?? []).enumerated().compactMap { index, entry in
        entry.stringValue.map {
          OrderEntry(type: type, name: $0, location: settings.locations.value("order.\(type)[\(index)]"))
        }
      }
    }
  }

  func function(named name: String) -> ParsedFunction? {
    functions.first { $0.name == name }
  }
}

/// Shared snippets for the order rules.
enum OrderExamples {
  static let transformations = """
    name: GeoIP
    type: transformation
    hog: return event
    ---
    name: Drop bots
    type: transformation
    hog: return event

    """

  static func directory(order: String, functions: String = transformations) -> RuleExample {
    RuleExample(files: [
      "hogctl.yaml": "version: 1\norder:\n  transformation: \(order)\n", "t.yaml": functions,
    ])
  }
}
