import Manifests

extension Planner {
  /// The types to list live: the managed types and every manifest's type, sorted.
  public static func typesInScope(desired: [DesiredFunction], settings: ProjectSettings) -> [String] {
    Set(settings.manageTypes).union(desired.map(\.type)).sorted()
  }

  /// Each template the manifests name, once, sorted: fetch these and pass them to `plan` (a
  /// template's schema says which inputs are secret).
  public static func templateIDs(in desired: [DesiredFunction]) -> [String] {
    Set(desired.compactMap(\.templateID)).sorted()
  }
}
