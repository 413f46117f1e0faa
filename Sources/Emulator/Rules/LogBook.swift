import Foundation
import HogctlJSON

/// The log entries functions leave behind (invocations, broadcasts, seeds), and the `logs/`
/// endpoint's query over them.
struct LogBook: Sendable, Codable, Equatable {
  struct Entry: Sendable, Codable, Equatable {
    var sourceID: String
    var instanceID: String
    var timestamp: Date
    var level: String
    var message: String

    enum CodingKeys: String, CodingKey {
      case sourceID = "log_source_id", instanceID = "instance_id", timestamp, level, message
    }

    init(sourceID: String, instanceID: String, timestamp: Date, level: String, message: String) {
      self.sourceID = sourceID
      self.instanceID = instanceID
      self.timestamp = timestamp
      self.level = level
      self.message = message
    }

    /// Timestamps are stored as ISO text, so a state file reads well and keeps milliseconds.
    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      sourceID = try container.decode(String.self, forKey: .sourceID)
      instanceID = try container.decode(String.self, forKey: .instanceID)
      let text = try container.decode(String.self, forKey: .timestamp)
      guard let date = QueryDates.parseISO(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .timestamp, in: container, debugDescription: "not an ISO 8601 time: \(text)")
      }
      timestamp = date
      level = try container.decode(String.self, forKey: .level)
      message = try container.decode(String.self, forKey: .message)
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(sourceID, forKey: .sourceID)
      try container.encode(instanceID, forKey: .instanceID)
      try container.encode(QueryDates.format(timestamp), forKey: .timestamp)
      try container.encode(level, forKey: .level)
      try container.encode(message, forKey: .message)
    }

    var json: JSONValue {
      [
        "log_source_id": .string(sourceID), "instance_id": .string(instanceID),
        "timestamp": .string(QueryDates.format(timestamp)), "level": .string(level.uppercased()),
        "message": .string(message),
      ]
    }
  }

  var entries: [Entry] = []

  init() {}

  mutating func record(sourceID: String, instanceID: String, level: String, message: String, timestamp: Date)
  {
    entries.append(
      Entry(sourceID: sourceID, instanceID: instanceID, timestamp: timestamp, level: level, message: message))
  }

  /// One page of a function's entries, newest first (later records first on equal times).
  struct Page: Equatable {
    var count: Int
    var results: [JSONValue]
    var limit: Int
    var offset: Int
    var nextOffset: Int? { offset + limit < count ? offset + limit : nil }
    var previousOffset: Int? { offset > 0 ? max(0, offset - limit) : nil }
  }

  /// Parameters: `limit` 1...500 (default 50), `offset`, `after`/`before` (ISO times),
  /// `level` (comma list, any case), `search` (case-insensitive substring of the message),
  /// `instance_id`. Invalid values throw a 400.
  func page(sourceID: String, parameters: [String: String]) throws -> Page {
    let limit = try Self.integer(parameters["limit"], name: "limit", default: 50, min: 1, max: 500)
    let offset = try Self.integer(parameters["offset"], name: "offset", default: 0, min: 0, max: nil)
    let after = try parameters["after"].map { try Self.time($0, name: "after") }
    let before = try parameters["before"].map { try Self.time($0, name: "before") }
    let levels = parameters["level"].map {
      Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
    }
    let search = parameters["search"].flatMap { $0.isEmpty ? nil : $0.lowercased() }
    let instance = parameters["instance_id"].flatMap { $0.isEmpty ? nil : $0 }

    let matching = entries.enumerated().filter { _, entry in
      entry.sourceID == sourceID && after.map { entry.timestamp >= $0 } != false
        && before.map { entry.timestamp <= $0 } != false
        && levels.map { $0.contains(entry.level.uppercased()) } != false
        && search.map { entry.message.lowercased().contains($0) } != false
        && instance.map { entry.instanceID == $0 } != false
    }
    .sorted { ($0.element.timestamp, $0.offset) > ($1.element.timestamp, $1.offset) }
    let slice = matching.dropFirst(offset).prefix(limit)
    return Page(count: matching.count, results: slice.map(\.element.json), limit: limit, offset: offset)
  }

  /// The paginated envelope `{count, next, previous, results}`. `pageURL` builds the absolute URL
  /// of another page from its offset and limit; without it `next` and `previous` are `null`.
  func query(
    sourceID: String, parameters: [String: String], pageURL: ((_ offset: Int, _ limit: Int) -> String)? = nil
  ) throws -> JSONValue {
    let page = try page(sourceID: sourceID, parameters: parameters)
    let link = { (offset: Int?) -> JSONValue in
      guard let offset, let pageURL else { return .null }
      return .string(pageURL(offset, page.limit))
    }
    return [
      "count": .number(Double(page.count)), "next": link(page.nextOffset),
      "previous": link(page.previousOffset),
      "results": .array(page.results),
    ]
  }

  static func integer(_ text: String?, name: String, default value: Int, min: Int, max: Int?) throws -> Int {
    guard let text, !text.isEmpty else { return value }
    return try FieldParsers.integer(.string(text), [name], min: min, max: max)
  }

  static func time(_ text: String, name: String) throws -> Date {
    guard let date = QueryDates.parseISO(text) else { throw QueryDates.invalid(name) }
    return date
  }
}
