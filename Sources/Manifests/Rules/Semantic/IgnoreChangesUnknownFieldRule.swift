/// `ignore_changes` names fields a manifest manages; anything else is a typo that would
/// silently ignore nothing.
struct IgnoreChangesUnknownFieldRule: ManifestRule {
  static let description = RuleDescription(
    id: RuleID.ignoreChangesUnknownField,
    summary: "`ignore_changes` names a field hogctl does not manage.",
    valid: [RuleExample("name: A\nhog: return event\nignore_changes: [enabled, inputs]\n")],
    invalid: [RuleExample("name: A\nhog: return event\nignore_changes: [↓enabeld]\n")])

  func check(_ context: RuleContext) -> [Diagnostic] {
    let fields = ManifestShapes.managedFields
    return context.functions.flatMap { function in
      (function.value["ignore_changes"]?.arrayValue ?? []).enumerated().compactMap { index, entry in
        guard let field = entry.stringValue, !fields.contains(field) else { return nil }
        return error(
          "ignore_changes names '\(field)', which is not a managed field (\(fields.joined(separator: ", ")))"
            + DidYouMean.hint(for: field, among: fields),
          at: function.locations.value("ignore_changes[\(index)]"))
      }
    }
  }
}
