import HogctlJSON

/// When `apply` sends a broadcast for a function.
public enum BroadcastPolicy: String, Sendable, Hashable, CaseIterable {
  case never
  case onCreate = "on_create"
  case onChange = "on_change"
}

/// One hog function as a manifest declares it, lowered to the API's wire shape.
///
/// A value type whose fields live in one shared, copy-on-write box: a plan copies each function
/// several times (filtering, matching, pairing with its live function), and a copy is then one
/// reference instead of one per field. (Key-path accessors would need no per-field code, but
/// measured slower in the planner's loops.)
public struct DesiredFunction: Sendable, Hashable, CustomReflectable {
  public var name: String {
    get { box.fields.name }
    set { update { $0.name = newValue } }
  }
  /// The API type name, e.g. `destination` or `transformation`.
  public var type: String {
    get { box.fields.type }
    set { update { $0.type = newValue } }
  }
  /// Where the function's YAML document starts.
  public var location: ManifestLocation {
    get { box.fields.location }
    set { update { $0.location = newValue } }
  }
  /// The writable API fields this manifest manages, in wire shape: `description`, `enabled`,
  /// `hog`, `icon_url`, `inputs_schema`, `inputs` (each `{value, templating?}`), `filters`,
  /// `masking`, `mappings`, `execution_order`. A field the manifest leaves out and that is not
  /// template-filled holds the API default, so every key here is managed.
  public var fields: JSONObject {
    get { box.fields.fields }
    set { update { $0.fields = newValue } }
  }
  public var templateID: String? {
    get { box.fields.templateID }
    set { update { $0.templateID = newValue } }
  }
  /// `id:` pin to one live function.
  public var pinnedID: String? {
    get { box.fields.pinnedID }
    set { update { $0.pinnedID = newValue } }
  }
  public var previousNames: [String] {
    get { box.fields.previousNames }
    set { update { $0.previousNames = newValue } }
  }
  /// `deleted: true`: the function must not exist.
  public var deleted: Bool {
    get { box.fields.deleted }
    set { update { $0.deleted = newValue } }
  }
  public var ignoreChanges: [String] {
    get { box.fields.ignoreChanges }
    set { update { $0.ignoreChanges = newValue } }
  }
  public var broadcast: BroadcastPolicy {
    get { box.fields.broadcast }
    set { update { $0.broadcast = newValue } }
  }
  /// `tests:` entries, kept as JSON for `hogctl test`.
  public var tests: [JSONValue] {
    get { box.fields.tests }
    set { update { $0.tests = newValue } }
  }
  /// Input keys the manifest's own `inputs_schema` marks `secret: true` (a template's secret
  /// inputs are not known offline). Their values are write-only and never printed.
  public var secretInputKeys: Set<String> {
    get { box.fields.secretInputKeys }
    set { update { $0.secretInputKeys = newValue } }
  }

  /// The fields whose value came, whole or in part, from `!env`: a top-level field name
  /// (`description`, `filters`, `mappings`) or one input (`inputs.url`). Plans show them as
  /// `(sensitive value)` and never store their values.
  public var sensitiveFields: Set<String> {
    get { box.fields.sensitiveFields }
    set { update { $0.sensitiveFields = newValue } }
  }
  /// The values `!env` gave this manifest, to find them wherever else they appear.
  public var sensitiveValues: Set<String> {
    get { box.fields.sensitiveValues }
    set { update { $0.sensitiveValues = newValue } }
  }

  private struct Fields: Hashable {
    var name: String
    var type: String
    var location: ManifestLocation
    var fields: JSONObject
    var templateID: String?
    var pinnedID: String?
    var previousNames: [String]
    var deleted: Bool
    var ignoreChanges: [String]
    var broadcast: BroadcastPolicy
    var tests: [JSONValue]
    var secretInputKeys: Set<String>
    var sensitiveFields: Set<String>
    var sensitiveValues: Set<String>
  }

  /// Changed only through `update`, after `isKnownUniquelyReferenced`, so a box another value
  /// can see never changes: that is what makes sharing it across threads safe.
  private final class Box: @unchecked Sendable {
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  public init(
    name: String, type: String, location: ManifestLocation, fields: JSONObject,
    templateID: String? = nil, pinnedID: String? = nil, previousNames: [String] = [],
    deleted: Bool = false, ignoreChanges: [String] = [], broadcast: BroadcastPolicy = .never,
    tests: [JSONValue] = [], secretInputKeys: Set<String> = [], sensitiveFields: Set<String> = [],
    sensitiveValues: Set<String> = []
  ) {
    box = Box(
      Fields(
        name: name, type: type, location: location, fields: fields, templateID: templateID,
        pinnedID: pinnedID, previousNames: previousNames, deleted: deleted, ignoreChanges: ignoreChanges,
        broadcast: broadcast, tests: tests, secretInputKeys: secretInputKeys,
        sensitiveFields: sensitiveFields, sensitiveValues: sensitiveValues))
  }

  /// Copies the box first when another value shares it.
  private mutating func update(_ change: (inout Fields) -> Void) {
    if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    change(&box.fields)
  }

  public static func == (lhs: DesiredFunction, rhs: DesiredFunction) -> Bool {
    lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

  /// The fields, not the box, in `dump`, test failures and `String(describing:)`.
  public var customMirror: Mirror { Mirror(reflecting: box.fields) }
}
