import Foundation
import HogctlCore

/// Everything the PostHog client needs to know, from the CLI's flags and environment.
public struct ClientSettings: Sendable {
  /// Which URL family serves hog functions. PostHog documents `environments`; later versions
  /// prefer `projects` and answer the other as a deprecated alias.
  public enum APIPath: String, Sendable, Hashable, CaseIterable {
    case environments
    case projects
  }

  /// e.g. `https://us.posthog.com`; a path prefix (`https://example.com/posthog`) is kept.
  public var host: URL
  /// A number, or `@current` for the key's current project.
  public var projectID: String
  public var apiPath: APIPath
  /// The personal API key. It is sent only to `host` and never appears in errors or traces.
  public var apiKey: String
  public var userAgent: String
  /// Functions per list request (`limit=`). PostHog has no maximum; 1000 keeps pages few while
  /// each response stays a few megabytes at most.
  public var pageSize: Int
  /// Requests in flight at once.
  public var parallelism: Int
  public static let defaultParallelism = 8
  /// Client-side budget shared by all requests; `nil` sends as fast as `parallelism` allows.
  public var rateLimit: RateLimit?
  /// Seconds without progress before a request fails.
  public var requestTimeout: Double
  public var retryPolicy: RetryPolicy
  /// Allows `http://` to hosts other than loopback.
  public var insecureHTTP: Bool
  /// Values removed from every error and trace, besides the key and the secret inputs the
  /// client finds in request bodies itself.
  public var secretValues: [String]
  public var maxRedirects: Int

  public init(
    host: URL, projectID: String, apiKey: String, apiPath: APIPath = .environments,
    userAgent: String = "hogctl/\(HogctlVersion.current)", pageSize: Int = 1000,
    parallelism: Int = defaultParallelism, rateLimit: RateLimit? = .posthogDefault,
    requestTimeout: Double = 30,
    retryPolicy: RetryPolicy = .default, insecureHTTP: Bool = false, secretValues: [String] = [],
    maxRedirects: Int = 5
  ) {
    self.host = host
    self.projectID = projectID
    self.apiKey = apiKey
    self.apiPath = apiPath
    self.userAgent = userAgent
    self.pageSize = pageSize
    self.parallelism = parallelism
    self.rateLimit = rateLimit
    self.requestTimeout = requestTimeout
    self.retryPolicy = retryPolicy
    self.insecureHTTP = insecureHTTP
    self.secretValues = secretValues
    self.maxRedirects = maxRedirects
  }

  /// The environment variable the CLI reads the key from.
  public static let apiKeyEnvironmentVariable = "POSTHOG_PERSONAL_API_KEY"
}

extension ClientSettings: CustomStringConvertible, CustomDebugStringConvertible {
  /// Never shows the key.
  public var description: String {
    "ClientSettings(host: \(host.absoluteString), projectID: \(projectID), apiPath: "
      + "\(apiPath.rawValue), apiKey: \(Redactor.keyReplacement), pageSize: \(pageSize), "
      + "parallelism: \(parallelism))"
  }

  public var debugDescription: String { description }
}
