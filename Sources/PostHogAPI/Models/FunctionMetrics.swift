import Foundation

/// Filters for `GET {id}/metrics/` and `metrics/totals/`.
public struct MetricsQuery: Sendable, Hashable {
  public enum Interval: String, Sendable, Hashable { case hour, day, week }
  public enum Breakdown: String, Sendable, Hashable { case kind, name }

  /// `-7d`, `-24h` or an ISO time.
  public var after: String?
  public var before: String?
  public var interval: Interval?
  public var breakdownBy: Breakdown?
  public var names: [String]
  public var kinds: [String]

  public init(
    after: String? = nil, before: String? = nil, interval: Interval? = nil,
    breakdownBy: Breakdown? = nil, names: [String] = [], kinds: [String] = []
  ) {
    self.after = after
    self.before = before
    self.interval = interval
    self.breakdownBy = breakdownBy
    self.names = names
    self.kinds = kinds
  }

  var queryItems: [URLQueryItem] {
    var items: [URLQueryItem] = []
    if let after { items.append(URLQueryItem(name: "after", value: after)) }
    if let before { items.append(URLQueryItem(name: "before", value: before)) }
    if let interval { items.append(URLQueryItem(name: "interval", value: interval.rawValue)) }
    if let breakdownBy {
      items.append(URLQueryItem(name: "breakdown_by", value: breakdownBy.rawValue))
    }
    if !names.isEmpty { items.append(URLQueryItem(name: "name", value: names.joined(separator: ","))) }
    if !kinds.isEmpty { items.append(URLQueryItem(name: "kind", value: kinds.joined(separator: ","))) }
    return items
  }
}

/// Counts per time bucket: `labels[i]` is the bucket of each series' `values[i]`.
public struct FunctionMetrics: Sendable, Hashable {
  public struct Series: Sendable, Hashable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  public var labels: [String]
  public var series: [Series]

  public init(labels: [String], series: [Series]) {
    self.labels = labels
    self.series = series
  }
}

/// An icon PostHog knows, from `GET icons/`.
public struct IconInfo: Sendable, Hashable {
  public var id: String
  public var name: String
  public var url: String

  public init(id: String, name: String, url: String) {
    self.id = id
    self.name = name
    self.url = url
  }
}

/// The bytes of one icon, from `GET icon/`.
public struct IconImage: Sendable, Hashable {
  public var data: Data
  public var contentType: String?

  public init(data: Data, contentType: String?) {
    self.data = data
    self.contentType = contentType
  }
}
