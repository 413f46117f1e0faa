import HogctlCore

/// A hog function as the API returns it. The raw object is kept, minus what the server compiles
/// from it (see `init(raw:)`); the accessors cover the fields hogctl reasons about.
public struct HogFunction: Sendable, Hashable {
  public var raw: JSONObject

  /// Keeps every field except those the server derives and hogctl never reads: the compiled
  /// forms (`bytecode` at the top and inside `filters`, `masking`, each input and each mapping;
  /// `transpiled`) and the `created_by` user. A plan compares what people write, and at 10,000
  /// functions these made up a quarter of the memory the live state held.
  public init(raw: JSONObject) {
    self.raw = Self.unread.removing(from: .object(raw))?.objectValue ?? raw
  }

  /// The fields `init(raw:)` leaves out, as paths within one function.
  public static let unreadPaths =
    ["transpiled", "created_by"] + compiledPaths + compiledPaths.map { "mappings.*." + $0 }
  private static let compiledPaths = [
    "bytecode", "filters.bytecode", "masking.bytecode", "inputs.*.bytecode",
  ]
  private static let unread = JSONDropList(paths: unreadPaths)
  /// The same fields in every function of a list page, for the parser to skip.
  public static let unreadInListPages = JSONDropList(paths: unreadPaths.map { "results.*." + $0 })

  public var id: String { raw["id"]?.stringValue ?? "" }
  public var name: String { raw["name"]?.stringValue ?? "" }
  public var type: String { raw["type"]?.stringValue ?? "destination" }
  public var enabled: Bool { raw["enabled"]?.boolValue ?? false }
  public var executionOrder: Int? { raw["execution_order"]?.intValue }
}
