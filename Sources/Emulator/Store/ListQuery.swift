import Foundation
import HogctlJSON

/// The list endpoint's filters, order and limit/offset pagination, as pure functions.
struct ListQuery: Sendable, Equatable {
  var types: [String]?
  var enabled: Bool?
  var search: String?
  var full: Bool
  var limit: Int
  var offset: Int

  static let defaultLimit = 100

  /// Reads `type` (comma list; `types` as the older name), `enabled`, `search`, `full`, `limit`,
  /// `offset`. Bad numbers fall back to the defaults, as DRF's paginator does.
  init(parameters: [String: String]) {
    let typeList = parameters["type"] ?? parameters["types"]
    types = typeList.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
      .map { $0.filter { !$0.isEmpty } }
    switch parameters["enabled"]?.lowercased() {
    case "true", "1": enabled = true
    case "false", "0": enabled = false
    default: enabled = nil
    }
    search = parameters["search"].flatMap { $0.isEmpty ? nil : $0 }
    full = parameters["full"]?.lowercased() == "true"
    limit = parameters["limit"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultLimit
    offset = parameters["offset"].flatMap(Int.init).flatMap { $0 >= 0 ? $0 : nil } ?? 0
  }

  func matches(_ function: StoredFunction) -> Bool {
    guard function.isLive else { return false }
    if let types, !types.isEmpty, !types.contains(function.type) { return false }
    if let enabled, function.isEnabled != enabled { return false }
    if let search {
      let text = [function.record["name"], function.record["description"]]
        .compactMap { $0?.stringValue }.joined(separator: "\n")
      if text.range(of: search, options: .caseInsensitive) == nil { return false }
    }
    return true
  }

  /// `execution_order` ascending with nulls last, then the most recently updated first.
  static func listOrder(_ left: StoredFunction, _ right: StoredFunction) -> Bool {
    SortKey(left) < SortKey(right)
  }

  /// The fields `listOrder` compares, read out of the record once per function rather than
  /// once per comparison (a page of a large project sorts thousands).
  struct SortKey: Comparable {
    var executionOrder: Int?
    var updatedAt: String
    var sequence: Int

    init(_ function: StoredFunction) {
      executionOrder = function.executionOrder
      updatedAt = function.record["updated_at"]?.stringValue ?? ""
      sequence = function.sequence
    }

    static func < (left: SortKey, right: SortKey) -> Bool {
      switch (left.executionOrder, right.executionOrder) {
      case (let l?, let r?) where l != r: return l < r
      case (.some, nil): return true
      case (nil, .some): return false
      default: break
      }
      if left.updatedAt != right.updatedAt { return left.updatedAt > right.updatedAt }
      return left.sequence > right.sequence
    }
  }

  /// Every match, in list order.
  func ordered(_ functions: some Sequence<StoredFunction>) -> [StoredFunction] {
    functions.filter(matches).map { (key: SortKey($0), function: $0) }
      .sorted { $0.key < $1.key }.map(\.function)
  }

  /// This query's page of `ordered` (every match, in list order).
  func page(ofOrdered ordered: [StoredFunction]) -> [StoredFunction] {
    let start = min(offset, ordered.count)
    return Array(ordered[start..<min(start + limit, ordered.count)])
  }

  /// The same matches in the same order, whatever the page.
  var ignoringPage: ListQuery {
    var query = self
    (query.limit, query.offset) = (0, 0)
    return query
  }
}

/// Absolute `next`/`previous` links in DRF's limit/offset style, built from the request's own
/// URL so every other query parameter is kept.
enum PageLinks {
  static func links(
    baseURL: String, path: String, query: String?, count: Int, limit: Int, offset: Int
  ) -> (next: JSONValue, previous: JSONValue) {
    let next: JSONValue =
      offset + limit < count
      ? .string(url(baseURL, path, query, replacing: ["limit": "\(limit)", "offset": "\(offset + limit)"]))
      : .null
    let previous: JSONValue
    if offset <= 0 {
      previous = .null
    } else if offset - limit <= 0 {
      previous = .string(url(baseURL, path, query, replacing: ["limit": "\(limit)", "offset": nil]))
    } else {
      previous = .string(
        url(baseURL, path, query, replacing: ["limit": "\(limit)", "offset": "\(offset - limit)"]))
    }
    return (next, previous)
  }

  static func url(_ baseURL: String, _ path: String, _ query: String?, replacing: [String: String?]) -> String
  {
    var items = (query ?? "").split(separator: "&").map(String.init).filter { item in
      let name = String(item.split(separator: "=", maxSplits: 1).first ?? "")
      return replacing[name] == nil
    }
    for name in replacing.keys.sorted() {
      if let value = replacing[name] ?? nil { items.append("\(name)=\(value)") }
    }
    return baseURL + path + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
  }
}
