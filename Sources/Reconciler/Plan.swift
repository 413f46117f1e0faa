import HogctlJSON

/// What `hogctl plan` found and what `apply` will do. Codable so a saved plan (`-out FILE`) is
/// this value as JSON; it never holds a secret value (see `secretInputs`).
public struct Plan: Codable, Sendable, Hashable {
  /// The version of this JSON shape; see docs/plan.md.
  public var formatVersion: String
  /// Creates, updates and deletes sorted by name, then reorders by type, then broadcasts by name.
  public var actions: [PlanAction]
  /// Managed functions that need nothing, by name.
  public var unchanged: [String]
  /// Things worth knowing that stop nothing (e.g. a manifest that an `ignore` glob hides).
  public var warnings: [String]
  public var fingerprint: PlanFingerprint

  public init(
    actions: [PlanAction], unchanged: [String] = [], warnings: [String] = [],
    fingerprint: PlanFingerprint = PlanFingerprint()
  ) {
    self.formatVersion = "1"
    self.actions = actions
    self.unchanged = unchanged
    self.warnings = warnings
    self.fingerprint = fingerprint
  }

  public var summary: PlanSummary { PlanSummary(actions: actions) }
  public var hasChanges: Bool { !actions.isEmpty }

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case actions, unchanged, warnings, fingerprint, summary
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.formatVersion = try container.decode(String.self, forKey: .formatVersion)
    self.actions = try container.decode([PlanAction].self, forKey: .actions)
    self.unchanged = try container.decodeIfPresent([String].self, forKey: .unchanged) ?? []
    self.warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
    self.fingerprint = try container.decode(PlanFingerprint.self, forKey: .fingerprint)
  }

  /// Writes `summary` too, for readers of the JSON; it is recomputed on decoding.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(formatVersion, forKey: .formatVersion)
    try container.encode(actions, forKey: .actions)
    try container.encode(unchanged, forKey: .unchanged)
    try container.encode(warnings, forKey: .warnings)
    try container.encode(fingerprint, forKey: .fingerprint)
    try container.encode(summary, forKey: .summary)
  }
}

/// How many actions of each kind a plan holds.
public struct PlanSummary: Encodable, Sendable, Hashable {
  public var create = 0
  public var update = 0
  public var delete = 0
  public var reorder = 0
  public var broadcast = 0

  public init(actions: [PlanAction]) {
    for action in actions {
      switch action.kind {
      case .create: create += 1
      case .update: update += 1
      case .delete: delete += 1
      case .reorder: reorder += 1
      case .broadcast: broadcast += 1
      }
    }
  }
}

/// One operation `apply` performs.
public struct PlanAction: Codable, Sendable, Hashable {
  public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
    case create, update, delete, reorder, broadcast
  }

  public var kind: Kind
  /// The function's name (its desired name for a rename); for a reorder, the type.
  public var name: String
  public var type: String
  /// The live function's id; nil for a create and for a broadcast after a create (known after
  /// apply).
  public var id: String?
  /// Why: `deleted: true`, `prune`, `on_create`, `on_change`, `renamed from "x"`.
  public var reason: String?
  /// The manifest that declares the function, as `file:line`.
  public var manifest: String?
  /// create: every field set; update: the changed fields; delete: what is removed.
  public var changes: [FieldChange]
  /// The request body for create (POST) and update (PATCH) without secret values: a secret being
  /// set is left out of `inputs` and listed in `secretInputs`; a kept secret is `{"secret": true}`.
  public var body: JSONObject?
  /// Input keys whose values `apply` takes from the manifest when it sends `body`: secrets being
  /// set, and inputs whose values are sensitive (see `sensitiveFields`).
  public var secretInputs: [String]
  /// Top-level fields left out of `body` because their values are sensitive (from `!env`, or
  /// holding a sensitive value); `apply` takes them from the manifest when it sends `body`.
  public var sensitiveFields: [String]
  /// For a reorder: every transformation whose `execution_order` changes.
  public var reorder: [ReorderEntry]

  public init(
    kind: Kind, name: String, type: String, id: String? = nil, reason: String? = nil,
    manifest: String? = nil, changes: [FieldChange] = [], body: JSONObject? = nil,
    secretInputs: [String] = [], sensitiveFields: [String] = [], reorder: [ReorderEntry] = []
  ) {
    self.sensitiveFields = sensitiveFields
    self.kind = kind
    self.name = name
    self.type = type
    self.id = id
    self.reason = reason
    self.manifest = manifest
    self.changes = changes
    self.body = body
    self.secretInputs = secretInputs
    self.reorder = reorder
  }

  enum CodingKeys: String, CodingKey {
    case kind, name, type, id, reason, manifest, changes, body
    case secretInputs = "secret_inputs"
    case sensitiveFields = "sensitive_fields"
    case reorder
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    kind = try container.decode(Kind.self, forKey: .kind)
    name = try container.decode(String.self, forKey: .name)
    type = try container.decode(String.self, forKey: .type)
    id = try container.decodeIfPresent(String.self, forKey: .id)
    reason = try container.decodeIfPresent(String.self, forKey: .reason)
    manifest = try container.decodeIfPresent(String.self, forKey: .manifest)
    changes = try container.decode([FieldChange].self, forKey: .changes)
    body = try container.decodeIfPresent(JSONObject.self, forKey: .body)
    secretInputs = try container.decode([String].self, forKey: .secretInputs)
    sensitiveFields = try container.decodeIfPresent([String].self, forKey: .sensitiveFields) ?? []
    reorder = try container.decode([ReorderEntry].self, forKey: .reorder)
  }
}

/// One field's value before and after, e.g. `hog`, `enabled`, `inputs.channel`.
public struct FieldChange: Codable, Sendable, Hashable {
  public var path: String
  public var before: PlanValue
  public var after: PlanValue

  public init(path: String, before: PlanValue, after: PlanValue) {
    self.path = path
    self.before = before
    self.after = after
  }
}

/// A value as a plan may show it. Secret values are never held: only `.sensitive`.
public enum PlanValue: Sendable, Hashable {
  case absent
  case value(JSONValue)
  case sensitive
  case knownAfterApply
}

/// One transformation's place in a reorder; `id` is nil for one this plan creates.
public struct ReorderEntry: Codable, Sendable, Hashable {
  public var name: String
  public var id: String?
  public var before: Int?
  public var after: Int

  public init(name: String, id: String?, before: Int?, after: Int) {
    self.name = name
    self.id = id
    self.before = before
    self.after = after
  }
}

extension PlanValue: Codable {
  enum CodingKeys: String, CodingKey {
    case value, absent, sensitive
    case knownAfterApply = "known_after_apply"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if container.contains(.value) {
      self = .value(try container.decode(JSONValue.self, forKey: .value))
    } else if container.contains(.sensitive) {
      self = .sensitive
    } else if container.contains(.knownAfterApply) {
      self = .knownAfterApply
    } else {
      self = .absent
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .absent: try container.encode(true, forKey: .absent)
    case .value(let value): try container.encode(value, forKey: .value)
    case .sensitive: try container.encode(true, forKey: .sensitive)
    case .knownAfterApply: try container.encode(true, forKey: .knownAfterApply)
    }
  }
}
