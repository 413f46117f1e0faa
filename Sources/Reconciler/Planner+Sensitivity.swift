import Manifests

extension Planner {
  /// Hides every sensitive value of the plan (see `Sensitivity`): in the changes shown and in
  /// the bodies a saved plan stores.
  static func hideSensitive(
    _ actions: inout [PlanAction], desired: [DesiredFunction], extraValues: [String]
  ) {
    let withOrigin = desired.filter { !$0.sensitiveFields.isEmpty || !$0.sensitiveValues.isEmpty }
    let sensitivity = Sensitivity(extraValues + withOrigin.flatMap(\.sensitiveValues))
    guard !sensitivity.isEmpty || !withOrigin.isEmpty else { return }
    let byName = Dictionary(withOrigin.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    for index in actions.indices {
      let origin = actions[index].kind == .delete ? nil : byName[actions[index].name]
      actions[index].changes = actions[index].changes.map { change in
        let hidden = origin?.sensitiveFields.contains(fieldKey(of: change.path)) ?? false
        return FieldChange(
          path: change.path, before: sensitivity.shown(change.before, hidden: hidden),
          after: sensitivity.shown(change.after, hidden: hidden))
      }
      guard actions[index].kind == .create || actions[index].kind == .update else { continue }
      sensitivity.strip(&actions[index], desired: origin ?? DesiredFunction.placeholder(actions[index]))
    }
  }

  /// `inputs.url` for an input's change, the top-level field for any other path.
  static func fieldKey(of path: String) -> String {
    if path.hasPrefix("inputs.") { return path }
    return String(path.prefix { $0 != "." && $0 != "[" })
  }
}

extension DesiredFunction {
  /// A function with no sensitive origin, for actions whose manifest has none.
  fileprivate static func placeholder(_ action: PlanAction) -> DesiredFunction {
    DesiredFunction(
      name: action.name, type: action.type, location: ManifestLocation(file: "", line: 0, column: 0),
      fields: [:])
  }
}
