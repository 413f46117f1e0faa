import HogctlCore

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
/// reference instead of one per field.
public struct DesiredFunction: Sendable, Hashable {
  public var name: String {
    get { storage.name }
    set { mutableStorage().name = newValue }
  }
  /// The API type name, e.g. `destination` or `transformation`.
  public var type: String {
    get { storage.type }
    set { mutableStorage().type = newValue }
  }
  /// Where the function's YAML document starts.
  public var location: ManifestLocation {
    get { storage.location }
    set { mutableStorage().location = newValue }
  }
  /// The writable API fields this manifest manages, in wire shape: `description`, `enabled`,
  /// `hog`, `icon_url`, `inputs_schema`, `inputs` (each `{value, templating?}`), `filters`,
  /// `masking`, `mappings`, `execution_order`. A field the manifest leaves out and that is not
  /// template-filled holds the API default, so every key here is managed.
  public var fields: JSONObject {
    get { storage.fields }
    set { mutableStorage().fields = newValue }
  }
  public var templateID: String? {
    get { storage.templateID }
    set { mutableStorage().templateID = newValue }
  }
  /// `id:` pin to one live function.
  public var pinnedID: String? {
    get { storage.pinnedID }
    set { mutableStorage().pinnedID = newValue }
  }
  public var previousNames: [String] {
    get { storage.previousNames }
    set { mutableStorage().previousNames = newValue }
  }
  /// `deleted: true`: the function must not exist.
  public var deleted: Bool {
    get { storage.deleted }
    set { mutableStorage().deleted = newValue }
  }
  public var ignoreChanges: [String] {
    get { storage.ignoreChanges }
    set { mutableStorage().ignoreChanges = newValue }
  }
  public var broadcast: BroadcastPolicy {
    get { storage.broadcast }
    set { mutableStorage().broadcast = newValue }
  }
  /// `tests:` entries, kept as JSON for `hogctl test`.
  public var tests: [JSONValue] {
    get { storage.tests }
    set { mutableStorage().tests = newValue }
  }
  /// Input keys the manifest's own `inputs_schema` marks `secret: true` (a template's secret
  /// inputs are not known offline). Their values are write-only and never printed.
  public var secretInputKeys: Set<String> {
    get { storage.secretInputKeys }
    set { mutableStorage().secretInputKeys = newValue }
  }

  private var storage: Storage

  public init(
    name: String, type: String, location: ManifestLocation, fields: JSONObject,
    templateID: String? = nil, pinnedID: String? = nil, previousNames: [String] = [],
    deleted: Bool = false, ignoreChanges: [String] = [], broadcast: BroadcastPolicy = .never,
    tests: [JSONValue] = [], secretInputKeys: Set<String> = []
  ) {
    storage = Storage(
      name: name, type: type, location: location, fields: fields, templateID: templateID,
      pinnedID: pinnedID, previousNames: previousNames, deleted: deleted, ignoreChanges: ignoreChanges,
      broadcast: broadcast, tests: tests, secretInputKeys: secretInputKeys)
  }

  /// The box, copied first when another value shares it.
  private mutating func mutableStorage() -> Storage {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage
  }

  public static func == (lhs: DesiredFunction, rhs: DesiredFunction) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fieldsEqual(rhs.storage)
  }

  public func hash(into hasher: inout Hasher) {
    storage.hashFields(into: &hasher)
  }

  /// Mutated only through `mutableStorage()`, so a box another value can see never changes:
  /// that is what makes sharing it across threads safe.
  private final class Storage: @unchecked Sendable {
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

    init(
      name: String, type: String, location: ManifestLocation, fields: JSONObject, templateID: String?,
      pinnedID: String?, previousNames: [String], deleted: Bool, ignoreChanges: [String],
      broadcast: BroadcastPolicy, tests: [JSONValue], secretInputKeys: Set<String>
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

    func copy() -> Storage {
      Storage(
        name: name, type: type, location: location, fields: fields, templateID: templateID,
        pinnedID: pinnedID, previousNames: previousNames, deleted: deleted, ignoreChanges: ignoreChanges,
        broadcast: broadcast, tests: tests, secretInputKeys: secretInputKeys)
    }

    func fieldsEqual(_ other: Storage) -> Bool {
      name == other.name && type == other.type && location == other.location && fields == other.fields
        && templateID == other.templateID && pinnedID == other.pinnedID
        && previousNames == other.previousNames && deleted == other.deleted
        && ignoreChanges == other.ignoreChanges && broadcast == other.broadcast && tests == other.tests
        && secretInputKeys == other.secretInputKeys
    }

    func hashFields(into hasher: inout Hasher) {
      hasher.combine(name)
      hasher.combine(type)
      hasher.combine(location)
      hasher.combine(fields)
      hasher.combine(templateID)
      hasher.combine(pinnedID)
      hasher.combine(previousNames)
      hasher.combine(deleted)
      hasher.combine(ignoreChanges)
      hasher.combine(broadcast)
      hasher.combine(tests)
      hasher.combine(secretInputKeys)
    }
  }
}

extension DesiredFunction: CustomReflectable {
  /// The fields, not the box, in `dump`, test failures and `String(describing:)`.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "name": name, "type": type, "location": location, "fields": fields, "templateID": templateID as Any,
        "pinnedID": pinnedID as Any, "previousNames": previousNames, "deleted": deleted,
        "ignoreChanges": ignoreChanges, "broadcast": broadcast, "tests": tests,
        "secretInputKeys": secretInputKeys,
      ], displayStyle: .struct)
  }
}
