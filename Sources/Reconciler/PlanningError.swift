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
  case thresholdExceeded(action: String, count: Int, managed: Int, limitPercent: Double)
  /// `--target` names no manifest and no live function.
  case unknownTarget(String)

  public var description: String {
    switch self {
    case .ambiguousMatch(let name, let type, let ids, let location):
      "\(Self.format(location)): error: \(ids.count) live \(type) functions are named \"\(name)\" "
        + "(ids \(ids.joined(separator: ", "))); pin one with `id:` or rename the others in PostHog"
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
    case .thresholdExceeded(let action, let count, let managed, let limit):
      "the plan would \(action) \(count) of \(managed) managed live functions "
        + "(\(Self.percent(count, managed))%), over the safety limit of \(Self.trim(limit))% "
        + "(safety.max_\(action)_percent in hogctl.yaml); check the manifests and the project, or "
        + "pass --force"
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
