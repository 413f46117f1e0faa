import Foundation

/// Times in query parameters and responses: ISO 8601 in UTC, and relative times like `-7d`.
enum QueryDates {
  static let utc = TimeZone(identifier: "UTC")!

  /// `2025-01-01T10:00:00.000Z`, the form timestamps are returned in.
  static func format(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }

  /// An ISO 8601 date-time (with or without fraction or zone; no zone means UTC) or a date.
  static func parseISO(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    for options: ISO8601DateFormatter.Options in [
      [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime],
    ] {
      formatter.formatOptions = options
      if let date = formatter.date(from: text) { return date }
    }
    let local = DateFormatter()
    local.locale = Locale(identifier: "en_US_POSIX")
    local.timeZone = utc
    for pattern in [
      "yyyy-MM-dd'T'HH:mm:ss.SSSSSS", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss",
      "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    ] {
      local.dateFormat = pattern
      if let date = local.date(from: text) { return date }
    }
    return nil
  }

  /// `-7d`, `-24h`, `-2w`, `-30M` (minutes) before `now`, or an ISO time.
  static func parse(_ text: String, now: Date) -> Date? {
    if text.hasPrefix("-"), let unit = text.last, let amount = Int(text.dropFirst().dropLast()), amount >= 0 {
      let seconds: Double? =
        switch unit {
        case "M": 60
        case "h": 3600
        case "d": 86_400
        case "w": 604_800
        default: nil
        }
      if let seconds { return now.addingTimeInterval(-Double(amount) * seconds) }
    }
    return parseISO(text)
  }

  static func invalid(_ name: String) -> EmulatorError {
    EmulatorError.validation(
      "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z], or a relative time such as -7d or -24h.",
      attr: name)
  }
}
