/// The order comes from `hogctl.yaml` or from `execution_order`, never both.
struct OrderConflictRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.orderConflict,
    summary: "A function listed in hogctl.yaml `order` also sets `execution_order`.",
    valid: [
      OrderExamples.directory(
        order: "[GeoIP]",
        functions: OrderExamples.transformations
          + "---\nname: Last\ntype: transformation\nhog: return event\nexecution_order: 9\n")
    ],
    invalid: [
      OrderExamples.directory(
        order: "[GeoIP, Drop bots]",
        functions: "name: GeoIP\ntype: transformation\nhog: return event\nexecution_order: ↓2\n---\n"
          + "name: Drop bots\ntype: transformation\nhog: return event\n")
    ])

  func check(_ context: RuleContext) -> [Diagnostic] {
    context.orderEntries.compactMap { entry in
      guard let function = context.function(named: entry.name), function.value["execution_order"] != nil
      else {
        return nil
      }
      return error(
        "'\(entry.name)' sets execution_order and is also listed in hogctl.yaml order "
          + "(\(entry.location.file):\(entry.location.line)); use one or the other",
        at: function.locations.value("execution_order"))
    }
  }
}
