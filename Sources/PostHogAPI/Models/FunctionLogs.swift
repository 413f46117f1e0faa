import Foundation
import HogctlJSON

/// Filters for `GET {id}/logs/`.
public struct LogsQuery: Sendable, Hashable {
  /// 1...500; PostHog's default is 50.
  public var limit: Int?
  /// ISO 8601 times.
  public var after: String?
  public var before: String?
  /// e.g. `["ERROR", "WARN"]`.
  public var levels: [String]
  public var search: String?
  public var instanceID: String?

  public init(
    limit: Int? = nil, after: String? = nil, before: String? = nil, levels: [String] = [],
    search: String? = nil, instanceID: String? = nil
  ) {
    self.limit = limit
    self.after = after
    self.before = before
    self.levels = levels
    self.search = search
    self.instanceID = instanceID
  }

  var queryItems: [URLQueryItem] {
    var items: [URLQueryItem] = []
    if let limit { items.append(URLQueryItem(name: "limit", value: String(limit))) }
    if let after { items.append(URLQueryItem(name: "after", value: after)) }
    if let before { items.append(URLQueryItem(name: "before", value: before)) }
    if !levels.isEmpty {
      items.append(URLQueryItem(name: "level", value: levels.joined(separator: ",")))
    }
    if let search { items.append(URLQueryItem(name: "search", value: search)) }
    if let instanceID { items.append(URLQueryItem(name: "instance_id", value: instanceID)) }
    return items
  }
}

public struct LogEntry: Sendable, Hashable {
  public var functionID: String
  public var instanceID: String
  public var timestamp: String
  /// Upper-case: `DEBUG`, `INFO`, `WARN`, `ERROR`.
  public var level: String
  public var message: String

  public init(functionID: String, instanceID: String, timestamp: String, level: String, message: String) {
    self.functionID = functionID
    self.instanceID = instanceID
    self.timestamp = timestamp
    self.level = level
    self.message = message
  }

  init(json: JSONValue) {
    functionID = json["log_source_id"]?.stringValue ?? ""
    instanceID = json["instance_id"]?.stringValue ?? ""
    timestamp = json["timestamp"]?.stringValue ?? ""
    level = json["level"]?.stringValue ?? ""
    message = json["message"]?.stringValue ?? ""
  }
}

/// One page of logs, newest first. `next` fetches the following page.
public struct LogsPage: Sendable, Hashable {
  public var count: Int?
  public var next: URL?
  public var entries: [LogEntry]

  public init(count: Int?, next: URL?, entries: [LogEntry]) {
    self.count = count
    self.next = next
    self.entries = entries
  }
}
