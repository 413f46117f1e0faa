import HogctlJSON

/// A hog function as the API returns it. The raw object is kept, minus what the server compiles
/// from it (see `init(raw:)`); the accessors cover the fields hogctl reasons about.
public struct HogFunction: Sendable, Hashable {
  public var raw: JSONObject {
    didSet { (id, name, type) = Self.identity(of: raw) }
  }
  /// Read for every function in every plan (matching, ordering, messages), so kept beside `raw`
  /// instead of looked up in it each time.
  public private(set) var id: String
  public private(set) var name: String
  /// `destination` when absent.
  public private(set) var type: String

  /// Keeps every field except those the server derives and hogctl never reads: the compiled
  /// forms (`bytecode` at the top and inside `filters`, `masking`, each input and each mapping;
  /// `transpiled`) and the server's bookkeeping (`created_by`, `updated_at`, `status`,
  /// `template`). `created_at` stays: it tells the oldest of duplicates. A plan compares what people write, and at 10,000 functions these
  /// made up a quarter of the memory the live state held.
  public init(raw: JSONObject) {
    self.init(listed: Self.unread.removing(from: .object(raw))?.objectValue ?? raw)
  }

  /// A function from a list page parsed with `unreadInListPages`: nothing is left to drop, so
  /// it is not looked for again.
  public init(listed raw: JSONObject) {
    self.raw = raw
    (id, name, type) = Self.identity(of: raw)
  }

  private static func identity(of raw: JSONObject) -> (id: String, name: String, type: String) {
    (raw["id"]?.stringValue ?? "", raw["name"]?.stringValue ?? "", raw["type"]?.stringValue ?? "destination")
  }

  /// The fields `init(raw:)` leaves out, as paths within one function.
  public static let unreadPaths =
    ["transpiled", "created_by", "updated_at", "status", "template"] + compiledPaths
    + compiledPaths.map { "mappings.*." + $0 }
  private static let compiledPaths = [
    "bytecode", "filters.bytecode", "masking.bytecode", "inputs.*.bytecode",
  ]
  private static let unread = JSONDropList(paths: unreadPaths)
  /// The same fields in every function of a list page, for the parser to skip.
  public static let unreadInListPages = JSONDropList(paths: unreadPaths.map { "results.*." + $0 })

  public var enabled: Bool { raw["enabled"]?.boolValue ?? false }
  /// When PostHog created it (ISO 8601, UTC), if the server said.
  public var createdAt: String? { raw["created_at"]?.stringValue }

  /// Whether this is the one of several same-named functions to keep: the oldest, then the
  /// lowest id. Every apply and plan that sees the same functions picks the same one.
  public func isKept(over other: HogFunction) -> Bool {
    (createdAt ?? "~", id) < (other.createdAt ?? "~", other.id)
  }
  public var executionOrder: Int? { raw["execution_order"]?.intValue }
}
