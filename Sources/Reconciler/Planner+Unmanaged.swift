import Manifests

extension Planner {
  /// With `manage.prune` off, live functions of the types in scope that no manifest names are
  /// left alone; the plan says how many, since they are the drift a reviewer wants to see.
  static func unmanagedNote(_ matching: FunctionMatcher.Result) -> String? {
    let count = matching.unmatchedLive.count
    guard count > 0 else { return nil }
    let subject = count == 1 ? "1 live function in scope is" : "\(count) live functions in scope are"
    return "\(subject) named by no manifest; manage.prune is off, so plan leaves "
      + "\(count == 1 ? "it" : "them") alone (`hogctl list` marks \(count == 1 ? "it" : "them"))"
  }
}
