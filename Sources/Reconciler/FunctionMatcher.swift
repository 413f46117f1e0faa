import Manifests
import PostHogAPI

/// A manifest and the live function it manages, if any.
public struct FunctionMatch: Sendable, Hashable {
  public var desired: DesiredFunction
  public var live: HogFunction?

  public init(desired: DesiredFunction, live: HogFunction?) {
    self.desired = desired
    self.live = live
  }
}

/// Pairs manifests with live functions: an `id:` pin first, then the same name and type, then a
/// `previous_names` entry (a rename). Ambiguity is a problem to report, never a guess.
public enum FunctionMatcher {
  public struct Result: Sendable, Hashable {
    /// One per manifest, sorted by name.
    public var matches: [FunctionMatch]
    /// Live functions no manifest claims, in list order.
    public var unmatchedLive: [HogFunction]
    /// With `resolveDuplicates`: the other live functions that share a manifest's name and
    /// type, each with the id of the one kept (the pinned one, else the oldest).
    public var duplicates: [Duplicate] = []
    public var problems: [PlanningProblem]
  }

  public struct Duplicate: Sendable, Hashable {
    public var function: HogFunction
    public var keptID: String
  }

  private struct Key: Hashable {
    var type: String
    var name: String
  }

  /// Live functions by type and name, as positions in the list: the first of each key, and any
  /// others beside it (two live functions rarely share a name and type, so few arrays are made).
  private struct NameIndex {
    var first: [Key: Int] = [:]
    var others: [Key: [Int]] = [:]

    init(_ live: [HogFunction], skipping skipped: (HogFunction) -> Bool) {
      first.reserveCapacity(live.count)
      for (position, function) in live.enumerated() where !skipped(function) {
        let key = Key(type: function.type, name: function.name)
        if first[key] == nil { first[key] = position } else { others[key, default: []].append(position) }
      }
    }

    func positions(type: String, name: String) -> [Int] {
      let key = Key(type: type, name: name)
      guard let position = first[key] else { return [] }
      return [position] + (others[key] ?? [])
    }
  }

  public static func match(
    desired: [DesiredFunction], live: [HogFunction], resolveDuplicates: Bool = false
  ) -> Result {
    var problems: [PlanningProblem] = []
    var duplicates: [(position: Int, keptID: String)] = []
    var matches: [FunctionMatch] = []
    matches.reserveCapacity(desired.count)
    // Who claimed each live function, by position: the first manifest's name, then any others
    // (a problem). Positions rather than ids: nothing is hashed or copied per live function.
    var firstClaim = [String?](repeating: nil, count: live.count)
    var moreClaims: [Int: [String]] = [:]
    let pinnedIDs = Set(desired.compactMap(\.pinnedID))
    var byID: [String: Int] = [:]
    if !pinnedIDs.isEmpty {
      for (position, function) in live.enumerated() where byID[function.id] == nil {
        byID[function.id] = position
      }
    }
    let byTypeAndName = NameIndex(live, skipping: { !pinnedIDs.isEmpty && pinnedIDs.contains($0.id) })

    for function in desired.sortedByNameAndType() {
      var found: Int?
      if let pin = function.pinnedID {
        if let pinned = byID[pin] {
          if live[pinned].type != function.type {
            problems.append(
              .typeChange(
                name: function.name, id: pin, from: live[pinned].type, to: function.type,
                location: function.location))
          } else {
            found = pinned
            if resolveDuplicates {
              duplicates += byTypeAndName.positions(type: function.type, name: function.name)
                .map { ($0, pin) }
            }
          }
        } else if !function.deleted {
          problems.append(.pinnedNotFound(name: function.name, id: pin, location: function.location))
        }
      } else {
        var candidates = byTypeAndName.positions(type: function.type, name: function.name)
        if candidates.isEmpty {
          candidates = function.previousNames.flatMap {
            byTypeAndName.positions(type: function.type, name: $0)
          }
        }
        if candidates.count > 1 && resolveDuplicates {
          let kept = candidates.min { live[$0].isKept(over: live[$1]) }!
          duplicates += candidates.filter { $0 != kept }.map { ($0, live[kept].id) }
          candidates = [kept]
        } else if candidates.count > 1 {
          problems.append(
            .ambiguousMatch(
              name: function.name, type: function.type, ids: candidates.map { live[$0].id }.sorted(),
              location: function.location))
        }
        found = candidates.count == 1 ? candidates[0] : nil
      }
      if let found {
        if firstClaim[found] == nil {
          firstClaim[found] = function.name
        } else {
          moreClaims[found, default: []].append(function.name)
        }
      }
      matches.append(FunctionMatch(desired: function, live: found.map { live[$0] }))
    }

    let twice = moreClaims.map { position, names in
      (id: live[position].id, names: [firstClaim[position]!] + names)
    }
    for claim in twice.sorted(by: { $0.id < $1.id }) {
      problems.append(.matchedTwice(id: claim.id, names: claim.names))
    }
    let duplicatePositions = Set(duplicates.map(\.position))
    let unmatched = live.indices.filter { firstClaim[$0] == nil && !duplicatePositions.contains($0) }
      .map { live[$0] }
    return Result(
      matches: matches, unmatchedLive: unmatched,
      duplicates: duplicates.map { Duplicate(function: live[$0.position], keptID: $0.keptID) },
      problems: problems)
  }
}
