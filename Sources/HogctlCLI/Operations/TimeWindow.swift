import ArgumentParser
import Foundation

/// `--since`: how far back a command looks, as `30m`, `24h`, `7d` or `2w`.
struct TimeWindow: ExpressibleByArgument, Sendable {
  var amount: Int
  /// `m`, `h`, `d` or `w`.
  var unit: Character

  init?(argument: String) {
    let text = argument.hasPrefix("-") ? String(argument.dropFirst()) : argument
    guard let unit = text.last, "mhdw".contains(unit), let amount = Int(text.dropLast()), amount > 0
    else { return nil }
    self.amount = amount
    self.unit = unit
  }

  var seconds: Double {
    let unitSeconds: Double =
      switch unit {
      case "m": 60
      case "h": 3600
      case "d": 86_400
      default: 604_800
      }
    return Double(amount) * unitSeconds
  }

  /// PostHog's relative form for the metrics endpoints (`-24h`; minutes are `M`, as `m` is a month there).
  var relative: String { "-\(amount)\(unit == "m" ? "M" : String(unit))" }

  /// The start of the window as an ISO time, for the logs endpoint, which takes no relative form.
  func start(now: Date = Date()) -> String {
    ISOTime.format(now.addingTimeInterval(-seconds))
  }

  var description: String { "\(amount)\(unit)" }
  var defaultValueDescription: String { description }
}

enum ISOTime {
  static func format(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }
}
