import Foundation
import Manifests

/// Why no plan could be made. Every problem found is listed, not only the first.
public struct PlanningError: Error, Sendable, Hashable, LocalizedError, CustomStringConvertible {
  public var problems: [PlanningProblem]

  public init(_ problems: [PlanningProblem]) {
    self.problems = problems
  }

  public var description: String { problems.map(\.description).joined(separator: "\n") }
  public var errorDescription: String? { description }
}

public enum PlanningProblem: Sendable, Hashable, CustomStringConvertible {
  /// Two or more live functions match one manifest and no `id:` pins it.
  case ambiguousMatch(name: String, type: String, ids: [String], location: ManifestLocation)
  /// One live function is matched by two manifests (a name in one, `previous_names` in another).
  case matchedTwice(id: String, names: [String])
  /// `id:` names no live function of the listed types.
  case pinnedNotFound(name: String, id: String, location: ManifestLocation)
  /// `id:` names a live function of another type; PostHog cannot change a type.
  case typeChange(name: String, id: String, from: String, to: String, location: ManifestLocation)
  case thresholdExceeded(action: String, type: String, count: Int, managed: Int, limitPercent: Double)
  /// The plan deletes every live function of a type.
  case deletesEveryFunction(type: String, count: Int)
  /// `prune` is on and the directory holds no function manifest: a wrong or empty path.
  case pruneWithoutManifests(live: Int)
  /// With `--target`, enabled transformations would share an `execution_order`.
  case targetOrderCollision(order: Int, names: [String])
  /// `--target` names no manifest and no live function.
  case unknownTarget(String)

  public var description: String {
    switch self {
    case .ambiguousMatch(let name, let type, let ids, let location):
      "\(Self.format(location)): error: \(ids.count) live \(type) functions are named \"\(name)\" "
        + "(ids \(ids.joined(separator: ", "))); pass --resolve-duplicates to keep the oldest and "
        + "delete the others (shown in the plan), or pin one with `id:`"
    case .matchedTwice(let id, let names):
      "live function \(id) is matched by more than one manifest: "
        + names.map { "\"\($0)\"" }.joined(separator: ", ")
        + "; check their names and previous_names"
    case .pinnedNotFound(let name, let id, let location):
      "\(Self.format(location)): error: \"\(name)\" is pinned to id \(id), but no live function "
        + "has that id; remove the `id:` to create it"
    case .typeChange(let name, let id, let from, let to, let location):
      "\(Self.format(location)): error: \"\(name)\" is pinned to \(id), a \(from); PostHog cannot "
        + "change it to a \(to)"
    case .thresholdExceeded(let action, let type, let count, let managed, let limit):
      "the plan would \(action) \(count) of \(managed) live \(type) functions "
        + "(\(Self.percent(count, managed))%), over the safety limit of \(Self.trim(limit))% "
        + "(safety.max_\(action)_percent in hogctl.yaml); check the manifests and the project, or "
        + "pass --force"
    case .deletesEveryFunction(let type, let count):
      "the plan would delete every live \(type) function (\(count)); check the manifests and "
        + "the project, or pass --force if that is what you want"
    case .pruneWithoutManifests(let live):
      "manage.prune is on, but the manifest directory holds no function manifest, so the plan "
        + "would delete all \(live) live functions in scope; check the directory path, or pass "
        + "--force if that is what you want"
    case .targetOrderCollision(let order, let names):
      "with --target, the enabled transformations " + names.map { "\"\($0)\"" }.joined(separator: ", ")
        + " would all run at execution_order \(order); add --target for the others or plan without --target"
    case .unknownTarget(let name):
      "--target \"\(name)\" names no manifest and no live function"
    }
  }

  static func format(_ location: ManifestLocation) -> String {
    "\(location.file):\(location.line):\(location.column)"
  }

  static func percent(_ count: Int, _ total: Int) -> String {
    trim((Double(count) * 1000 / Double(max(total, 1))).rounded() / 10)
  }

  static func trim(_ value: Double) -> String {
    value.rounded() == value ? String(Int(value)) : String(value)
  }
}
