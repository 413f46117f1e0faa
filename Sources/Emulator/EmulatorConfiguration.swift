import HogctlCore

/// How an emulator instance is started, from the command line or in-process.
public struct EmulatorConfiguration: Sendable {
  public enum Scope: String, Sendable, CaseIterable {
    case read
    case write
    case all
  }

  public struct APIKey: Sendable, Hashable {
    public var key: String
    public var scope: Scope
    public init(key: String, scope: Scope = .all) {
      self.key = key
      self.scope = scope
    }
  }

  /// Token-bucket limits per key; `nil` turns rate limiting off.
  public typealias RateLimit = HogctlCore.RateLimit

  public var host: String
  /// 0 picks a free port.
  public var port: Int
  public var projectID: Int
  public var statePath: String?
  /// Empty: one key with every scope is generated.
  public var apiKeys: [APIKey]
  public var rateLimit: RateLimit?
  /// Added latency per request, a fixed value or a range in milliseconds.
  public var latencyMilliseconds: ClosedRange<Int>?
  /// Share (0...1) of requests that fail at random.
  public var faultRate: Double
  public var seed: UInt64?

  public init(
    host: String = "127.0.0.1", port: Int = 8010, projectID: Int = 1, statePath: String? = nil,
    apiKeys: [APIKey] = [], rateLimit: RateLimit? = RateLimit(),
    latencyMilliseconds: ClosedRange<Int>? = nil, faultRate: Double = 0, seed: UInt64? = nil
  ) {
    self.host = host
    self.port = port
    self.projectID = projectID
    self.statePath = statePath
    self.apiKeys = apiKeys
    self.rateLimit = rateLimit
    self.latencyMilliseconds = latencyMilliseconds
    self.faultRate = faultRate
    self.seed = seed
  }
}
