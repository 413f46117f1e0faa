import Manifests
import PostHogAPI

extension Planner {
  /// The transformations' order after apply (see `ReorderPlanner`).
  static func transformationOrder(
    matching: FunctionMatcher.Result, deletes: [PlanAction], creates: [DesiredFunction],
    settings: ProjectSettings
  ) -> ReorderPlanner.Result? {
    let type = "transformation"
    let deleted = Set(deletes.compactMap(\.id))
    // Only transformations take part: the other functions are not looked at again.
    let managedNames = Dictionary(
      matching.matches.compactMap { match in
        match.live.flatMap { $0.type == type ? ($0.id, match.desired.name) : nil }
      },
      uniquingKeysWith: { first, _ in first })
    let transformations =
      matching.matches.compactMap { $0.live?.type == type ? $0.live : nil }
      + matching.unmatchedLive.filter { $0.type == type }
    let stayingLive = transformations.filter { !deleted.contains($0.id) }
    let listOrder = Dictionary(
      transformations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let existing = stayingLive.sorted { listOrder[$0.id, default: 0] < listOrder[$1.id, default: 0] }
      .map {
        ReorderPlanner.Member(
          name: managedNames[$0.id] ?? $0.name, id: $0.id, currentOrder: $0.executionOrder)
      }
    var explicit: [String: Int] = [:]
    for match in matching.matches where match.desired.type == type && !match.desired.deleted {
      if let order = match.desired.fields["execution_order"]?.intValue {
        explicit[match.desired.name] = order
      }
    }
    // What no manifest names stays where it is: a plan moves only what the manifests manage.
    let unnamed = Set(
      matching.unmatchedLive.filter { $0.type == type && !deleted.contains($0.id) }.map(\.name))
    return ReorderPlanner.plan(
      existing: existing, created: creates.filter { $0.type == type }.map(\.name),
      listed: settings.order[type] ?? [], explicit: explicit, fixed: unnamed)
  }

  /// PostHog moves a transformation that is re-enabled without an explicit order to the end;
  /// sending its order with the PATCH keeps it in place.
  static func keepOrderOnReenable(
    _ actions: inout [PlanAction], matching: FunctionMatcher.Result, targets: [String: Int]
  ) {
    let liveByName = Dictionary(
      matching.matches.compactMap { match in
        match.live.flatMap { $0.type == "transformation" ? (match.desired.name, $0) : nil }
      },
      uniquingKeysWith: { first, _ in first })
    for index in actions.indices
    where actions[index].kind == .update && actions[index].type == "transformation" {
      let action = actions[index]
      guard action.body?["enabled"] == true, liveByName[action.name]?.enabled == false,
        let target = targets[action.name] ?? liveByName[action.name]?.executionOrder
      else { continue }
      actions[index].body?["execution_order"] = .number(Double(target))
    }
  }

  /// One broadcast per function created (`on_create`, `on_change`) or updated (`on_change`)
  /// that will be enabled; PostHog refuses to broadcast a disabled function.
  static func broadcasts(
    matching: FunctionMatcher.Result, actions: [PlanAction], warnings: inout [String]
  ) -> [PlanAction] {
    // Only manifests that ask for a broadcast can get one.
    let byName = Dictionary(
      matching.matches.compactMap { $0.desired.broadcast == .never ? nil : ($0.desired.name, $0) },
      uniquingKeysWith: { first, _ in first })
    var result: [PlanAction] = []
    for action in actions where action.kind == .create || action.kind == .update {
      guard let match = byName[action.name] else { continue }
      let policy = match.desired.broadcast
      guard policy == .onChange || (policy == .onCreate && action.kind == .create) else { continue }
      guard willBeEnabled(match.desired, live: match.live) else {
        warnings.append("\"\(action.name)\" will be disabled, so its \(policy.rawValue) broadcast is skipped")
        continue
      }
      result.append(
        PlanAction(
          kind: .broadcast, name: action.name, type: action.type, id: action.id, reason: policy.rawValue,
          manifest: action.manifest))
    }
    return result
  }

  /// `--target`: only actions on the named functions (a reorder keeps only their entries).
  static func filter(
    _ actions: [PlanAction], targets: [String], known: @autoclosure () -> [String],
    problems: inout [PlanningProblem]
  ) -> [PlanAction] {
    guard !targets.isEmpty else { return actions }
    let knownNames = Set(known())
    for target in targets where !knownNames.contains(target) { problems.append(.unknownTarget(target)) }
    let wanted = Set(targets)
    return actions.compactMap { action in
      guard action.kind == .reorder else { return wanted.contains(action.name) ? action : nil }
      var kept = action
      kept.reorder = action.reorder.filter { wanted.contains($0.name) }
      return kept.reorder.isEmpty ? nil : kept
    }
  }

  /// The safety checks, in the style of octoDNS: per managed type with at least
  /// `ProjectSettings.thresholdMinimum` live functions, deletes and updates over
  /// `safety.max_delete_percent` / `max_update_percent` of them; any plan that deletes every live
  /// function of a type (unless each delete is a manifest's `deleted: true`); and `prune` over a
  /// directory with no function manifest, the mark of a
  /// wrong or empty path. Each stops the plan unless `--force`.
  static func thresholdProblems(
    _ actions: [PlanAction], live: [HogFunction], desired: [DesiredFunction], settings: ProjectSettings
  ) -> [PlanningProblem] {
    let scope = Set(settings.manageTypes).union(desired.map(\.type))
    let managed = live.filter { scope.contains($0.type) }
    guard !managed.isEmpty else { return [] }
    var problems: [PlanningProblem] = []
    if settings.prune && desired.isEmpty {
      return [.pruneWithoutManifests(live: managed.count)]
    }
    let liveByType = Dictionary(grouping: managed, by: \.type).mapValues(\.count)
    let checks: [(String, PlanAction.Kind, Double)] = [
      ("delete", .delete, settings.maxDeletePercent), ("update", .update, settings.maxUpdatePercent),
    ]
    for (type, liveCount) in liveByType.sorted(by: { $0.key < $1.key }) {
      let deletes = actions.filter { $0.kind == .delete && $0.type == type }
      // Deletes each asked for by a `deleted: true` manifest are deliberate, one by one.
      if deletes.count == liveCount && !deletes.allSatisfy({ $0.reason == "deleted: true" }) {
        problems.append(.deletesEveryFunction(type: type, count: deletes.count))
        continue
      }
      guard liveCount >= ProjectSettings.thresholdMinimum else { continue }
      for (name, kind, limit) in checks {
        let count = actions.count { $0.kind == kind && $0.type == type }
        if Double(count) * 100 > limit * Double(liveCount) {
          problems.append(
            .thresholdExceeded(
              action: name, type: type, count: count, managed: liveCount, limitPercent: limit))
        }
      }
    }
    return problems
  }
}

extension Planner {
  /// `--target` leaves out the other functions' moves, so it could leave two enabled
  /// transformations at one `execution_order`, which makes their order undefined. Such a plan
  /// stops, naming them.
  static func targetOrderProblems(_ actions: [PlanAction], live: [HogFunction]) -> [PlanningProblem] {
    let type = "transformation"
    let deleted = Set(actions.filter { $0.kind == .delete }.compactMap(\.id))
    var moved: [String: Int] = [:]
    for action in actions where action.kind == .reorder {
      for entry in action.reorder { if let id = entry.id { moved[id] = entry.after } }
    }
    var enabledByID: [String: Bool] = [:]
    for action in actions where action.kind == .update {
      if let id = action.id, let enabled = action.body?["enabled"]?.boolValue { enabledByID[id] = enabled }
    }
    var byOrder: [Int: [String]] = [:]
    for function in live where function.type == type && !deleted.contains(function.id) {
      guard enabledByID[function.id] ?? function.enabled,
        let order = moved[function.id] ?? function.executionOrder
      else { continue }
      byOrder[order, default: []].append(function.name)
    }
    for action in actions where action.kind == .create && action.type == type {
      guard action.body?["enabled"]?.boolValue ?? true, let order = action.body?["execution_order"]?.intValue
      else { continue }
      byOrder[order, default: []].append(action.name)
    }
    return byOrder.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.map {
      .targetOrderCollision(order: $0.key, names: $0.value.sorted())
    }
  }
}
