import HogctlCore
import HogctlJSON
import Manifests
import PostHogAPI

/// Makes a plan: pure, synchronous and deterministic (same inputs, same plan).
public enum Planner {
  /// - Parameters:
  ///   - desired: the manifests' functions.
  ///   - settings: `hogctl.yaml` with flags applied.
  ///   - live: every non-deleted live function of the types in scope (the manifests' types and
  ///     `manage.types`), in the list's order.
  ///   - templates: each template a manifest names, by id, as the templates endpoint returns it.
  /// - Throws: `PlanningError` listing every problem (ambiguous matches, thresholds, ...).
  public static func plan(
    desired: [DesiredFunction], settings: ProjectSettings, live: [HogFunction],
    templates: JSONObject = [:], options: PlanOptions = PlanOptions()
  ) throws(PlanningError) -> Plan {
    let ignore = settings.ignore.map(NameGlob.init)
    var warnings: [String] = []
    let hidden = desired.filter { ignore.anyMatches($0.name) }
    for function in hidden.sorted(by: { $0.name < $1.name }) {
      warnings.append("\"\(function.name)\" matches a manage.ignore glob; hogctl leaves it alone")
    }
    let visibleDesired = ignore.isEmpty ? desired : desired.filter { !ignore.anyMatches($0.name) }
    let visibleLive = ignore.isEmpty ? live : live.filter { !ignore.anyMatches($0.name) }
    let matching = FunctionMatcher.match(
      desired: visibleDesired, live: visibleLive, resolveDuplicates: options.resolveDuplicates)
    var problems = matching.problems

    var functionActions: [PlanAction] = []
    var unchanged: [String] = []
    var creates: [DesiredFunction] = []
    var updatedNames: Set<String> = []
    // The field-by-field diffs are independent of each other: computed on every core.
    let diffs = matching.matches.parallelMap { match -> FunctionDiff? in
      guard !match.desired.deleted, let live = match.live else { return nil }
      let template = match.desired.templateID.flatMap { templates[$0] }
      return FunctionDiff(
        desired: match.desired, live: live, template: template, rotateSecrets: options.rotateSecrets)
    }
    for (match, diff) in zip(matching.matches, diffs) {
      let desired = match.desired
      switch (desired.deleted, match.live) {
      case (true, let live?):
        functionActions.append(deleteAction(live, reason: "deleted: true", manifest: location(desired)))
      case (true, nil):
        continue
      case (false, nil):
        creates.append(desired)
      case (false, let live?):
        guard let diff else { continue }
        if diff.changes.isEmpty {
          unchanged.append(desired.name)
        } else {
          updatedNames.insert(desired.name)
          functionActions.append(
            PlanAction(
              kind: .update, name: desired.name, type: desired.type, id: live.id,
              reason: live.name == desired.name ? nil : "renamed from \"\(live.name)\"",
              manifest: location(desired), changes: diff.changes, body: diff.body,
              secretInputs: diff.secretInputs))
        }
      }
    }
    for duplicate in matching.duplicates {
      functionActions.append(
        deleteAction(duplicate.function, reason: "duplicate of \(duplicate.keptID)", manifest: nil))
    }
    if settings.prune {
      let scope = Set(settings.manageTypes)
      for live in matching.unmatchedLive where scope.contains(live.type) {
        functionActions.append(deleteAction(live, reason: "prune", manifest: nil))
      }
    } else if let note = unmanagedNote(matching) {
      warnings.append(note)
    }

    let reorder = transformationOrder(
      matching: matching, deletes: functionActions.filter { $0.kind == .delete }, creates: creates,
      settings: settings)
    for desired in creates {
      let template = desired.templateID.flatMap { templates[$0] }
      functionActions.append(
        createAction(desired, template: template, executionOrder: reorder?.targets[desired.name]))
    }
    keepOrderOnReenable(&functionActions, matching: matching, targets: reorder?.targets ?? [:])

    var actions = functionActions.sorted {
      ($0.name, $0.type, $0.kind.rawValue) < ($1.name, $1.type, $1.kind.rawValue)
    }
    if let reorder, !reorder.entries.isEmpty {
      actions.append(
        PlanAction(kind: .reorder, name: "transformation", type: "transformation", reorder: reorder.entries))
    }
    actions += broadcasts(matching: matching, actions: actions, warnings: &warnings)
    actions = filter(
      actions, targets: options.targets, known: desired.map(\.name) + live.map(\.name), problems: &problems)
    if !options.targets.isEmpty {
      problems += targetOrderProblems(actions, live: visibleLive)
    }
    if !options.force {
      problems += thresholdProblems(actions, live: visibleLive, desired: visibleDesired, settings: settings)
    }
    guard problems.isEmpty else { throw PlanningError(problems) }
    hideSensitive(&actions, desired: desired, extraValues: options.sensitiveValues)

    let fingerprint =
      options.fingerprint
      ? PlanFingerprint(
        actions: actions, desired: desired, settings: settings, live: live, templates: templates)
      : PlanFingerprint()
    return Plan(actions: actions, unchanged: unchanged.sorted(), warnings: warnings, fingerprint: fingerprint)
  }
}
