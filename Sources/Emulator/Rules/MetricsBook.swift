import Foundation
import HogctlJSON

/// Metric counts per function (kind `success`/`failure`/`other`, names like `succeeded`), and the
/// `metrics/` and `metrics/totals/` queries over them.
struct MetricsBook: Sendable, Codable, Equatable {
  struct Entry: Sendable, Codable, Equatable {
    var sourceID: String
    var kind: String
    var name: String
    var count: Int
    /// Seconds since 1970; whole numbers keep the state file exact.
    var time: Double

    enum CodingKeys: String, CodingKey {
      case sourceID = "app_source_id", kind, name, count, time
    }

    var date: Date { Date(timeIntervalSince1970: time) }
  }

  var entries: [Entry] = []

  init() {}

  mutating func record(sourceID: String, kind: String, name: String, count: Int, timestamp: Date) {
    entries.append(
      Entry(sourceID: sourceID, kind: kind, name: name, count: count, time: timestamp.timeIntervalSince1970))
  }

  /// `{labels, series}`: one label per bucket from `after` to `before`, one series per kind (or
  /// name), zero where nothing was recorded. Series are ordered by name.
  func series(sourceID: String, parameters: [String: String], now: Date) throws -> JSONValue {
    let query = try MetricsQuery(parameters: parameters, now: now, requireRange: true)
    let buckets = try query.buckets()
    var values: [String: [Int]] = [:]
    for entry in query.matching(entries, sourceID: sourceID) {
      guard let index = buckets.index(of: entry.date) else { continue }
      values[query.breakdown(entry), default: Array(repeating: 0, count: buckets.starts.count)][index] +=
        entry.count
    }
    return [
      "labels": .array(buckets.labels.map(JSONValue.string)),
      "series": .array(
        values.keys.sorted().map { name in
          ["name": .string(name), "values": .array(values[name]!.map { .number(Double($0)) })]
        }),
    ]
  }

  /// `{"totals": {kind or name: count}}`; without `after`/`before` all recorded time counts.
  func totals(sourceID: String, parameters: [String: String], now: Date) throws -> JSONValue {
    let query = try MetricsQuery(parameters: parameters, now: now, requireRange: false)
    var totals: JSONObject = [:]
    for entry in query.matching(entries, sourceID: sourceID) {
      let key = query.breakdown(entry)
      totals[key] = .number((totals[key]?.numberValue ?? 0) + Double(entry.count))
    }
    return ["totals": .object(totals)]
  }
}
