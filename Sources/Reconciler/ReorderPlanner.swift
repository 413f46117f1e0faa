/// Works out the execution order of one type's functions after apply and the one `rearrange`
/// that gets there.
///
/// The order comes from `hogctl.yaml` (`order: {transformation: [names]}`: positions 1, 2, ...)
/// or from manifests' `execution_order` values (used as they are). Functions neither mentions
/// keep their relative order (by current `execution_order`, then list order) after the
/// mentioned ones; new ones that nothing mentions go last, by name. With neither source, the
/// order is left to PostHog and nothing is planned. Functions in `fixed` (live ones no manifest
/// names) never move: the others are placed around the orders they hold.
public enum ReorderPlanner {
  /// A function that will exist after apply.
  public struct Member: Sendable, Hashable {
    public var name: String
    /// nil for one this plan creates.
    public var id: String?
    public var currentOrder: Int?

    public init(name: String, id: String?, currentOrder: Int?) {
      self.name = name
      self.id = id
      self.currentOrder = currentOrder
    }
  }

  public struct Result: Sendable, Hashable {
    /// Every function's `execution_order` after apply, by name.
    public var targets: [String: Int]
    /// Existing functions whose order changes, by new order then name.
    public var entries: [ReorderEntry]
  }

  /// - Parameters:
  ///   - existing: live functions that stay, in list order.
  ///   - created: names of functions this plan creates.
  ///   - listed: names from `hogctl.yaml`'s `order`, first runs first.
  ///   - explicit: `execution_order` values from manifests, by name.
  ///   - fixed: names of existing functions that keep the order they have.
  public static func plan(
    existing: [Member], created: [String], listed: [String], explicit: [String: Int],
    fixed: Set<String> = []
  ) -> Result? {
    guard !listed.isEmpty || !explicit.isEmpty else { return nil }
    let known = Set(existing.map(\.name)).union(created)
    var targets: [String: Int] = [:]
    var taken: Set<Int> = []
    for member in existing where fixed.contains(member.name) {
      targets[member.name] = member.currentOrder
      if let order = member.currentOrder { taken.insert(order) }
    }
    var next = 1
    /// The next order no fixed function holds.
    func take() -> Int {
      while taken.contains(next) { next += 1 }
      defer { next += 1 }
      return next
    }
    if !listed.isEmpty {
      for name in listed where known.contains(name) && targets[name] == nil && !fixed.contains(name) {
        targets[name] = take()
      }
    } else {
      for (name, order) in explicit where known.contains(name) && !fixed.contains(name) {
        targets[name] = order
      }
      next = (targets.values.max() ?? 0) + 1
    }
    let rest = existing.enumerated()
      .filter { targets[$0.element.name] == nil && !fixed.contains($0.element.name) }
      .sorted {
        ($0.element.currentOrder ?? Int.max, $0.offset) < ($1.element.currentOrder ?? Int.max, $1.offset)
      }
      .map(\.element.name)
    for name in rest + created.filter({ targets[$0] == nil }).sorted() where targets[name] == nil {
      targets[name] = take()
    }
    let entries = existing.compactMap { member -> ReorderEntry? in
      guard let target = targets[member.name], target != member.currentOrder else { return nil }
      return ReorderEntry(name: member.name, id: member.id, before: member.currentOrder, after: target)
    }
    return Result(targets: targets, entries: entries.sorted { ($0.after, $0.name) < ($1.after, $1.name) })
  }
}
