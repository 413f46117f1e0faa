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
    public var problems: [PlanningProblem]
  }

  private struct Key: Hashable {
    var type: String
    var name: String
  }

  public static func match(desired: [DesiredFunction], live: [HogFunction]) -> Result {
    var problems: [PlanningProblem] = []
    var claims: [String: [String]] = [:]
    var matches: [FunctionMatch] = []
    let byID = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let pinnedIDs = Set(desired.compactMap(\.pinnedID))
    let byTypeAndName = Dictionary(
      grouping: live.filter { !pinnedIDs.contains($0.id) }, by: { Key(type: $0.type, name: $0.name) })

    for function in desired.sortedByNameAndType() {
      var found: HogFunction?
      if let pin = function.pinnedID {
        if let pinned = byID[pin] {
          if pinned.type != function.type {
            problems.append(
              .typeChange(
                name: function.name, id: pin, from: pinned.type, to: function.type,
                location: function.location))
          } else {
            found = pinned
          }
        } else if !function.deleted {
          problems.append(.pinnedNotFound(name: function.name, id: pin, location: function.location))
        }
      } else {
        var candidates = byTypeAndName[Key(type: function.type, name: function.name)] ?? []
        if candidates.isEmpty {
          candidates = function.previousNames.flatMap {
            byTypeAndName[Key(type: function.type, name: $0)] ?? []
          }
        }
        if candidates.count > 1 {
          problems.append(
            .ambiguousMatch(
              name: function.name, type: function.type, ids: candidates.map(\.id).sorted(),
              location: function.location))
        }
        found = candidates.count == 1 ? candidates[0] : nil
      }
      if let found { claims[found.id, default: []].append(function.name) }
      matches.append(FunctionMatch(desired: function, live: found))
    }

    for (id, names) in claims.sorted(by: { $0.key < $1.key }) where names.count > 1 {
      problems.append(.matchedTwice(id: id, names: names))
    }
    let claimed = Set(claims.keys)
    return Result(
      matches: matches, unmatchedLive: live.filter { !claimed.contains($0.id) }, problems: problems)
  }
}
