import PostHogAPI

extension ApplyExecutor {
  /// Two applies of the same manifests started together both create each new function. After
  /// its creates, an apply lists the types it created and, where another function has the same
  /// name and type, keeps the oldest (then lowest id; see `HogFunction.isKept(over:)`) and
  /// soft-deletes its own copy if that is not the one kept. Every apply lists after its own
  /// create, so each sees the oldest copy and they all agree on it: the project ends with one
  /// function per manifest.
  func settleConcurrentCreates(_ creates: [(offset: Int, element: PlanAction)], ledger: ApplyLedger) async {
    var created: [(index: Int, entry: ApplyReport.Entry)] = []
    for (index, _) in creates {
      if let entry = await ledger.entries[index], entry.outcome == .succeeded, entry.id != nil {
        created.append((index, entry))
      }
    }
    guard !created.isEmpty else { return }
    let types = Set(created.map(\.entry.type)).sorted()
    let live: [HogFunction]
    do {
      live = try await api.listHogFunctions(types: types)
    } catch {
      // The creates stand; a later plan reports any duplicate with the way out.
      return
    }
    let byKey = Dictionary(grouping: live) { $0.type + "/" + $0.name }
    for (index, entry) in created {
      guard let id = entry.id, let same = byKey[entry.type + "/" + entry.name], same.count > 1,
        let kept = same.min(by: { $0.isKept(over: $1) }), kept.id != id
      else { continue }
      var settled = entry
      do {
        try await api.deleteHogFunction(id: id)
        settled.id = kept.id
        settled.message =
          "another apply created \"\(entry.name)\" at the same moment; its function \(kept.id) is kept "
          + "and this run's copy \(id) was deleted"
        await ledger.adopt(name: entry.name, type: entry.type)
      } catch {
        settled.outcome = .failed
        settled.message =
          "another apply created \"\(entry.name)\" at the same moment (\(kept.id)), and deleting this "
          + "run's copy \(id) failed: \(Self.describe(error)); run `hogctl plan --resolve-duplicates`"
      }
      await ledger.record(index, settled)
    }
  }
}
