import HogctlCore

/// A hog function as the API returns it. The raw object is kept whole so that nothing the server
/// sends is lost; the accessors cover the fields hogctl reasons about.
public struct HogFunction: Sendable, Hashable {
  public var raw: JSONObject

  public init(raw: JSONObject) {
    self.raw = raw
  }

  public var id: String { raw["id"]?.stringValue ?? "" }
  public var name: String { raw["name"]?.stringValue ?? "" }
  public var type: String { raw["type"]?.stringValue ?? "destination" }
  public var enabled: Bool { raw["enabled"]?.boolValue ?? false }
  public var executionOrder: Int? { raw["execution_order"]?.intValue }
}
