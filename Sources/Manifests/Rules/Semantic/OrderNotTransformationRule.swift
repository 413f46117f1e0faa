/// Only transformations run in an order; listing anything else does nothing.
struct OrderNotTransformationRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.orderNotTransformation,
    summary: "`order` lists a function that is not a transformation, or a type other than transformation.",
    valid: [OrderExamples.directory(order: "[GeoIP]")],
    invalid: [
      OrderExamples.directory(
        order: "[GeoIP, ↓Slack]",
        functions: OrderExamples.transformations + "---\nname: Slack\nhog: return event\n"),
      RuleExample(
        files: [
          "hogctl.yaml": "version: 1\norder:\n  ↓destination: [Slack]\n",
          "s.yaml": "name: Slack\nhog: return event\n",
        ]),
    ])

  func check(_ context: RuleContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let settings = context.settings, let order = settings.value["order"]?.objectValue {
      for type in order.keys.sorted() where type != "transformation" {
        diagnostics.append(
          error(
            "only transformations have an execution order; '\(type)' functions cannot be ordered",
            at: settings.locations.key("order.\(type)")))
      }
    }
    for entry in context.orderEntries where entry.type == "transformation" {
      guard let function = context.function(named: entry.name), function.type != "transformation" else {
        continue
      }
      diagnostics.append(
        error(
          "'\(entry.name)' is a \(function.type), not a transformation; only transformations are ordered",
          at: entry.location))
    }
    return diagnostics
  }
}
