import HogctlCore

/// When `apply` sends a broadcast for a function.
public enum BroadcastPolicy: String, Sendable, Hashable, CaseIterable {
  case never
  case onCreate = "on_create"
  case onChange = "on_change"
}

/// One hog function as a manifest declares it, lowered to the API's wire shape.
public struct DesiredFunction: Sendable, Hashable {
  public var name: String
  /// The API type name, e.g. `destination` or `transformation`.
  public var type: String
  /// Where the function's YAML document starts.
  public var location: ManifestLocation
  /// The writable API fields this manifest manages, in wire shape: `description`, `enabled`,
  /// `hog`, `icon_url`, `inputs_schema`, `inputs` (each `{value, templating?}`), `filters`,
  /// `masking`, `mappings`, `execution_order`. A field the manifest leaves out and that is not
  /// template-filled holds the API default, so every key here is managed.
  public var fields: JSONObject
  public var templateID: String?
  /// `id:` pin to one live function.
  public var pinnedID: String?
  public var previousNames: [String]
  /// `deleted: true`: the function must not exist.
  public var deleted: Bool
  public var ignoreChanges: [String]
  public var broadcast: BroadcastPolicy
  /// `tests:` entries, kept as JSON for `hogctl test`.
  public var tests: [JSONValue]
  /// Input keys the manifest's own `inputs_schema` marks `secret: true` (a template's secret
  /// inputs are not known offline). Their values are write-only and never printed.
  public var secretInputKeys: Set<String>

  public init(
    name: String, type: String, location: ManifestLocation, fields: JSONObject,
    templateID: String? = nil, pinnedID: String? = nil, previousNames: [String] = [],
    deleted: Bool = false, ignoreChanges: [String] = [], broadcast: BroadcastPolicy = .never,
    tests: [JSONValue] = [], secretInputKeys: Set<String> = []
  ) {
    self.name = name
    self.type = type
    self.location = location
    self.fields = fields
    self.templateID = templateID
    self.pinnedID = pinnedID
    self.previousNames = previousNames
    self.deleted = deleted
    self.ignoreChanges = ignoreChanges
    self.broadcast = broadcast
    self.tests = tests
    self.secretInputKeys = secretInputKeys
  }
}
