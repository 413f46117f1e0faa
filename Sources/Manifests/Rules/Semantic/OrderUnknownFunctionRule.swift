/// `order` lists functions by name; a name no manifest declares is a typo or a stale entry.
struct OrderUnknownFunctionRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.orderUnknownFunction,
    summary: "`order` in hogctl.yaml names a function no manifest declares.",
    valid: [OrderExamples.directory(order: "[GeoIP, Drop bots]")],
    invalid: [OrderExamples.directory(order: "[GeoIP, ↓Drop bot]")])

  func check(_ context: RuleContext) -> [Diagnostic] {
    let names = context.functions.compactMap(\.name)
    return context.orderEntries.compactMap { entry in
      guard context.function(named: entry.name) == nil else { return nil }
      return error(
        "order names '\(entry.name)', but no manifest declares a function with that name"
          + DidYouMean.hint(for: entry.name, among: names), at: entry.location)
    }
  }
}
