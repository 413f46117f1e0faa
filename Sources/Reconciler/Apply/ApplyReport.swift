/// What `apply` did: one entry per plan action, in the plan's order. Written even when apply
/// fails half-way, so a user knows what succeeded, what failed and what was not attempted.
public struct ApplyReport: Codable, Sendable, Hashable {
  public enum Outcome: String, Codable, Sendable, Hashable {
    case succeeded
    case failed
    /// Skipped because an action it depends on failed.
    case notAttempted = "not_attempted"
    /// The request may or may not have taken effect (a broadcast whose answer was lost). It is
    /// never repeated automatically.
    case outcomeUnknown = "outcome_unknown"
    /// Not needed: another apply running at the same moment did it (see `message`).
    case skipped
  }

  public struct Entry: Codable, Sendable, Hashable {
    public var kind: PlanAction.Kind
    public var name: String
    public var type: String
    /// The live function's id; for a create, the id PostHog gave it.
    public var id: String?
    public var outcome: Outcome
    /// Why it failed or was skipped, in words a user can act on. Never holds a secret.
    public var message: String?
    /// PostHog's field path for a validation error, e.g. `inputs__url`.
    public var field: String?
    public var milliseconds: Int

    public init(
      kind: PlanAction.Kind, name: String, type: String, id: String?, outcome: Outcome,
      message: String? = nil, field: String? = nil, milliseconds: Int = 0
    ) {
      self.kind = kind
      self.name = name
      self.type = type
      self.id = id
      self.outcome = outcome
      self.message = message
      self.field = field
      self.milliseconds = milliseconds
    }
  }

  public var formatVersion: String = "1"
  public var entries: [Entry]

  public init(entries: [Entry]) {
    self.entries = entries
  }

  public var succeeded: Bool { entries.allSatisfy { $0.outcome == .succeeded || $0.outcome == .skipped } }

  public func count(_ outcome: Outcome) -> Int {
    entries.count { $0.outcome == outcome }
  }

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case entries
  }
}
