/// A function has one position in the order.
struct OrderDuplicateRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.orderDuplicate,
    summary: "`order` lists the same function twice.",
    valid: [OrderExamples.directory(order: "[GeoIP, Drop bots]")],
    invalid: [OrderExamples.directory(order: "[GeoIP, Drop bots, ↓GeoIP]")])

  func check(_ context: RuleContext) -> [Diagnostic] {
    var seen: Set<String> = []
    return context.orderEntries.compactMap { entry in
      let key = "\(entry.type)/\(entry.name)"
      guard !seen.insert(key).inserted else { return nil }
      return error("'\(entry.name)' is listed more than once in order.\(entry.type)", at: entry.location)
    }
  }
}
