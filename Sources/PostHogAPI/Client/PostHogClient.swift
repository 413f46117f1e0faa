import Foundation
import HogctlCore

/// The PostHog hog-functions API over an `HTTPTransport`: paging, retries, the shared rate
/// limiter, bounded concurrency, redirects that never carry the key elsewhere, and errors that
/// say what to do.
public final class PostHogClient: HogFunctionsAPI {
  public let settings: ClientSettings
  let transport: any HTTPTransport
  let clock: ClientClock
  public let rateLimiter: RateLimiter?
  let concurrency: ConcurrencyLimiter
  let redactor: Redactor
  let trace: DebugTraceSink?

  /// Throws `APIError.insecureHost` for `http://` to a non-loopback host without `insecureHTTP`.
  public init(
    settings: ClientSettings, transport: (any HTTPTransport)? = nil, clock: ClientClock = .system,
    trace: DebugTraceSink? = nil
  ) throws {
    try HostPolicy.check(settings.host, insecureHTTP: settings.insecureHTTP)
    self.settings = settings
    self.transport = transport ?? URLSessionTransport(timeout: settings.requestTimeout)
    self.clock = clock
    self.rateLimiter = settings.rateLimit.map { RateLimiter(limit: $0, clock: clock) }
    self.concurrency = ConcurrencyLimiter(limit: settings.parallelism)
    self.redactor = Redactor(apiKey: settings.apiKey, secrets: settings.secretValues)
    self.trace = trace
  }

  // MARK: URLs

  /// `{host}/api/{environments|projects}/{project}/hog_functions/` followed by `components`.
  func functionsURL(_ components: [String] = [], query: [URLQueryItem] = []) -> URL {
    url(
      path: ["api", settings.apiPath.rawValue, settings.projectID, "hog_functions"] + components, query: query
    )
  }

  /// Templates live under `projects` in every PostHog version.
  func templatesURL(_ components: [String] = [], query: [URLQueryItem] = []) -> URL {
    url(path: ["api", "projects", settings.projectID, "hog_function_templates"] + components, query: query)
  }

  private func url(path: [String], query: [URLQueryItem]) -> URL {
    var components = URLComponents(url: settings.host, resolvingAgainstBaseURL: false)!
    let prefix = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
    let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
    let encoded = path.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }
    components.percentEncodedPath = prefix + "/" + encoded.joined(separator: "/") + "/"
    components.queryItems = query.isEmpty ? nil : query
    return components.url!
  }

  /// A `next` link is followed only on the configured host; its path and query are re-applied to
  /// the configured scheme and port, so a proxy announcing `http://` cannot downgrade the link.
  func trustedNextURL(_ link: String, context: RequestContext) throws -> URL {
    guard let next = URL(string: link, relativeTo: settings.host)?.absoluteURL,
      next.host?.lowercased() == settings.host.host?.lowercased(),
      var components = URLComponents(url: next, resolvingAgainstBaseURL: false)
    else {
      throw APIError.untrustedURL(link, context: context)
    }
    components.scheme = settings.host.scheme
    components.port = settings.host.port
    guard let url = components.url else { throw APIError.untrustedURL(link, context: context) }
    return url
  }

  func context(_ method: APIRequest.Method, _ url: URL, id: String? = nil, name: String? = nil)
    -> RequestContext
  {
    let path = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? url.path
    return RequestContext(method: method.rawValue, path: path, functionID: id, functionName: name)
  }
}
