import Foundation
import HogctlJSON

/// The parameters of the metrics endpoints, parsed and checked, and the time buckets they span.
struct MetricsQuery {
  enum Interval: String, CaseIterable {
    case hour, day, week

    var seconds: Double {
      switch self {
      case .hour: 3600
      case .day: 86_400
      case .week: 604_800
      }
    }
  }

  static let maxBuckets = 10_000

  var after: Date?
  var before: Date?
  var interval: Interval
  var breakdownByName: Bool
  var names: Set<String>?
  var kinds: Set<String>?

  /// `after` (`-7d`, `-24h` or ISO; default `-7d` when `requireRange`), `before` (default now),
  /// `interval=hour|day|week` (default day), `breakdown_by=kind|name` (default kind), `name=` and
  /// `kind=` comma lists.
  init(parameters: [String: String], now: Date, requireRange: Bool) throws {
    func time(_ name: String, default value: Date?) throws -> Date? {
      guard let text = parameters[name], !text.isEmpty else { return value }
      guard let date = QueryDates.parse(text, now: now) else { throw QueryDates.invalid(name) }
      return date
    }
    after = try time("after", default: requireRange ? now.addingTimeInterval(-7 * 86_400) : nil)
    before = try time("before", default: requireRange ? now : nil)
    let intervalText = parameters["interval"].flatMap { $0.isEmpty ? nil : $0 } ?? "day"
    interval = try Interval(
      rawValue: FieldParsers.choice(
        .string(intervalText), ["interval"], in: Interval.allCases.map(\.rawValue)))!
    let breakdown = parameters["breakdown_by"].flatMap { $0.isEmpty ? nil : $0 } ?? "kind"
    breakdownByName =
      try FieldParsers.choice(.string(breakdown), ["breakdown_by"], in: ["kind", "name"]) == "name"
    names = Self.list(parameters["name"])
    kinds = Self.list(parameters["kind"])
  }

  static func list(_ text: String?) -> Set<String>? {
    guard let text, !text.isEmpty else { return nil }
    return Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
  }

  func matching(_ entries: [MetricsBook.Entry], sourceID: String) -> [MetricsBook.Entry] {
    entries.filter { entry in
      entry.sourceID == sourceID && after.map { entry.date >= $0 } != false
        && before.map { entry.date <= $0 } != false && names.map { $0.contains(entry.name) } != false
        && kinds.map { $0.contains(entry.kind) } != false
    }
  }

  func breakdown(_ entry: MetricsBook.Entry) -> String { breakdownByName ? entry.name : entry.kind }

  /// Buckets in UTC: hours, days, or weeks starting on Monday.
  struct Buckets {
    var starts: [Date]
    var labels: [String]
    var interval: Interval

    func index(of date: Date) -> Int? {
      guard let first = starts.first else { return nil }
      let start = MetricsQuery.bucketStart(date, interval: interval)
      let index = Int((start.timeIntervalSince(first) / interval.seconds).rounded())
      return starts.indices.contains(index) ? index : nil
    }
  }

  func buckets() throws -> Buckets {
    guard let after, let before, after <= before else {
      return Buckets(starts: [], labels: [], interval: interval)
    }
    let first = Self.bucketStart(after, interval: interval)
    let step = interval.seconds
    let count = Int((before.timeIntervalSince(first) / step).rounded(.down)) + 1
    if count > Self.maxBuckets {
      throw EmulatorError.validation(
        "The range from after to before spans \(count) \(interval.rawValue)s; at most \(Self.maxBuckets) are returned. Narrow the range or use a longer interval.",
        attr: "interval")
    }
    let starts = (0..<count).map { first.addingTimeInterval(Double($0) * step) }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = QueryDates.utc
    formatter.dateFormat = interval == .hour ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd"
    return Buckets(starts: starts, labels: starts.map(formatter.string(from:)), interval: interval)
  }

  static func bucketStart(_ date: Date, interval: Interval) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = QueryDates.utc
    switch interval {
    case .hour:
      return calendar.dateInterval(of: .hour, for: date)!.start
    case .day:
      return calendar.startOfDay(for: date)
    case .week:
      let day = calendar.startOfDay(for: date)
      let weekday = calendar.component(.weekday, from: day)  // 1 = Sunday
      return day.addingTimeInterval(-Double((weekday + 5) % 7) * 86_400)
    }
  }
}
