import Foundation
import Manifests
import PostHogAPI

/// Carries out a plan against PostHog in a fixed order: creates and updates (in parallel, up to
/// `parallelism`), then soft deletes, then one `rearrange` per type, then broadcasts. Independent
/// actions go on after a failure; dependent ones are reported as not attempted.
public struct ApplyExecutor: Sendable {
  let api: any HogFunctionsAPI
  /// The manifests the plan was made from: secret input values are read from here, right before
  /// the request that sends them.
  let desired: [DesiredFunction]
  /// `desired` by type and name, so each action finds its manifest without a scan.
  private let desiredByKey: [String: DesiredFunction]
  let parallelism: Int
  let progress: @Sendable (ApplyReport.Entry) -> Void

  public init(
    api: any HogFunctionsAPI, desired: [DesiredFunction], parallelism: Int = 4,
    progress: @escaping @Sendable (ApplyReport.Entry) -> Void = { _ in }
  ) {
    self.api = api
    self.desired = desired
    self.desiredByKey = Dictionary(
      desired.map { (Self.key(type: $0.type, name: $0.name), $0) }, uniquingKeysWith: { first, _ in first })
    self.parallelism = max(1, parallelism)
    self.progress = progress
  }

  public func apply(_ plan: Plan) async -> ApplyReport {
    let ledger = ApplyLedger()
    let indexed = Array(plan.actions.enumerated())
    let writes = indexed.filter { $0.element.kind == .create || $0.element.kind == .update }
    await runBounded(writes) { index, action in
      await ledger.record(index, await perform(action, ledger: ledger))
    }
    await settleConcurrentCreates(writes.filter { $0.element.kind == .create }, ledger: ledger)
    let deletes = indexed.filter { $0.element.kind == .delete }
    await runBounded(deletes) { index, action in
      await ledger.record(index, await perform(action, ledger: ledger))
    }
    for kind in [PlanAction.Kind.reorder, .broadcast] {
      for (index, action) in indexed where action.kind == kind {
        await ledger.record(index, await perform(action, ledger: ledger))
      }
    }
    let entries = await ledger.entries
    return ApplyReport(entries: indexed.map { index, _ in entries[index]! })
  }

  private func perform(_ action: PlanAction, ledger: ApplyLedger) async -> ApplyReport.Entry {
    let clock = ContinuousClock()
    let start = clock.now
    var entry: ApplyReport.Entry
    switch action.kind {
    case .create: entry = await create(action, ledger: ledger)
    case .update: entry = await update(action)
    case .delete: entry = await delete(action)
    case .reorder: entry = await reorder(action, ledger: ledger)
    case .broadcast: entry = await broadcast(action, ledger: ledger)
    }
    let elapsed = clock.now - start
    entry.milliseconds =
      Int(elapsed.components.seconds * 1000)
      + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
    progress(entry)
    return entry
  }

  func desiredFunction(for action: PlanAction) -> DesiredFunction? {
    desiredByKey[Self.key(type: action.type, name: action.name)]
  }

  private static func key(type: String, name: String) -> String { type + "/" + name }

  /// Runs `work` for each item with at most `parallelism` at once.
  private func runBounded(
    _ items: [(offset: Int, element: PlanAction)],
    _ work: @escaping @Sendable (Int, PlanAction) async -> Void
  ) async {
    await withTaskGroup(of: Void.self) { group in
      var next = items.makeIterator()
      for _ in 0..<parallelism {
        guard let item = next.next() else { break }
        group.addTask { await work(item.offset, item.element) }
      }
      while await group.next() != nil {
        if let item = next.next() {
          group.addTask { await work(item.offset, item.element) }
        }
      }
    }
  }
}

/// What has happened so far in one apply: finished entries by plan index, and the ids of the
/// functions created, which the rearrange and broadcasts after them need.
actor ApplyLedger {
  private(set) var entries: [Int: ApplyReport.Entry] = [:]
  /// Functions another apply created at the same moment, whose copy this apply kept instead of
  /// its own (by type and name): that apply broadcasts them.
  private(set) var adopted: Set<String> = []

  func adopt(name: String, type: String) {
    adopted.insert(type + "/" + name)
  }

  func record(_ index: Int, _ entry: ApplyReport.Entry) {
    entries[index] = entry
  }

  /// The outcome of the create or update of `name`/`type` in this apply, if the plan held one.
  func writeOutcome(name: String, type: String) -> ApplyReport.Entry? {
    entries.values.first {
      ($0.kind == .create || $0.kind == .update) && $0.name == name && $0.type == type
    }
  }
}
