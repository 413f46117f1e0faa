import Foundation
import HogctlJSON

/// A hog function as the store keeps it: the record the rules produced (secrets included, as the
/// real server keeps them encrypted), plus what the API never shows.
struct StoredFunction: Sendable, Codable, Equatable {
  var record: JSONObject
  var deleted: Bool
  /// Increases with every write; breaks `updated_at` ties so the list order is total.
  var sequence: Int

  var id: String { record["id"]?.stringValue ?? "" }
  var type: String { record["type"]?.stringValue ?? "destination" }
  var isEnabled: Bool { record["enabled"]?.boolValue == true }
  var executionOrder: Int? { record["execution_order"]?.intValue }
  var isLive: Bool { !deleted }
}

/// Server-set values: timestamps, the user every write is made by, function status.
enum ServerFields {
  static let createdBy: JSONValue = [
    "id": 1,
    "uuid": "0190d0a4-8f4e-7000-8000-000000000001",
    "distinct_id": "emulator-user",
    "first_name": "Emulator",
    "last_name": "User",
    "email": "emulator@localhost",
    "is_email_verified": true,
    "hedgehog_config": nil,
    "role_at_organization": nil,
  ]

  /// ISO 8601 in UTC with microseconds, as PostHog writes them, e.g.
  /// `2025-01-01T12:00:00.123456Z`.
  static func timestamp(_ date: Date) -> String {
    let microseconds = Int((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
    let seconds = Double(microseconds / 1_000_000)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", parts.year!, parts.month!, parts.day!,
      parts.hour!, parts.minute!, parts.second!, microseconds % 1_000_000)
  }

  /// `{"state", "tokens"}`: 0 (unknown) for disabled functions, 1 (healthy) for enabled ones.
  static func status(enabled: Bool) -> JSONValue {
    enabled ? ["state": 1, "tokens": 10000] : ["state": 0, "tokens": 0]
  }
}
