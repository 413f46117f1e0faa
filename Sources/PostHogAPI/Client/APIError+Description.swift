import Foundation

extension APIError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .http(let failure):
      return "\(Self.prefix(failure.context)): \(Self.explain(failure))"
    case .ambiguousCreate(let name, let reason, let context):
      return "\(Self.prefix(context)): creating '\(name)' may or may not have succeeded (\(reason)). "
        + "It was not sent again, to avoid a duplicate. Run the command again: it looks the name "
        + "up first and creates it only if it is missing."
    case .transport(let error, let context, let attempts):
      return "\(Self.prefix(context)): \(Self.explain(error))\(Self.afterAttempts(attempts))"
    case .invalidResponse(let reason, let context):
      return "\(Self.prefix(context)): the server's answer is not a PostHog API response "
        + "(\(reason)). Check the host: it should be your PostHog instance, e.g. https://us.posthog.com."
    case .insecureHost(let host):
      return "Refusing to send the API key over plain http:// to '\(host)'. Use https://, or pass "
        + "--insecure-http if this host is on a network you trust (http is always allowed to "
        + "localhost and 127.0.0.1)."
    case .invalidHost(let url):
      return "'\(url)' is not a usable PostHog host. Give a URL such as https://us.posthog.com."
    case .untrustedURL(let url, let context):
      return "\(Self.prefix(context)): the server pointed to '\(Self.origin(of: url))', another "
        + "host than the one configured. hogctl does not send the API key there; check the host "
        + "setting (a proxy or a moved instance)."
    case .tooManyRedirects(let context):
      return "\(Self.prefix(context)): too many redirects. Check the host setting."
    case .unsupported(let operation):
      return "\(operation) is not supported by this API implementation."
    }
  }

  static func prefix(_ context: RequestContext) -> String {
    var text = "\(context.method) \(context.path)"
    switch (context.functionName, context.functionID) {
    case (let name?, let id?): text += " (function '\(name)', id \(id))"
    case (let name?, nil): text += " (function '\(name)')"
    case (nil, let id?): text += " (function id \(id))"
    case (nil, nil): break
    }
    return text
  }

  static func explain(_ failure: HTTPFailure) -> String {
    let detail = failure.detail ?? failure.bodySnippet.map { "the server said: \($0)" }
    let said = detail.map { " \($0)" } ?? ""
    switch failure.status {
    case 401:
      return "401 PostHog did not accept the API key.\(said) Check that POSTHOG_PERSONAL_API_KEY "
        + "(or the file given to --api-key-file) holds a valid personal API key (phx_...) for this host."
    case 403:
      return explainForbidden(failure, said: said)
    case 404:
      if failure.context.functionID != nil || failure.context.functionName != nil {
        return "404 the function does not exist (it may have been deleted meanwhile). Plan again."
      }
      return "404 not found.\(said) Check the host, the project id and the API path "
        + "(environments or projects)."
    case 405:
      return "405 PostHog does not allow \(failure.context.method) here."
    case 429:
      let wait = failure.retryAfter.map { " PostHog asks to wait \(Self.seconds($0))." } ?? ""
      return "429 rate limited by PostHog after \(failure.attempts) attempt(s).\(said)\(wait) "
        + "Lower --parallelism or the client rate limit, or run again later."
    case 400..<500:
      return explainInvalid(failure, said: said)
    default:
      return "\(failure.status) PostHog failed to answer.\(said)\(afterAttempts(failure.attempts)) "
        + "This is usually temporary: run the command again later."
    }
  }

  private static func explainForbidden(_ failure: HTTPFailure, said: String) -> String {
    let detail = failure.detail ?? ""
    if detail.localizedCaseInsensitiveContains("Personal API Key") {
      return "403 PostHog does not accept personal API keys for this action (\(detail)). "
        + "This PostHog version serves it only to signed-in users; use the PostHog web app for it."
    }
    if let scope = missingScope(in: detail) {
      return "403 the API key lacks the scope '\(scope)'. In PostHog, edit the personal API key "
        + "(Settings → Personal API keys) and add '\(scope)'."
    }
    return "403 permission denied.\(said) Check that the key may access this project "
      + "and has the hog_function:read and hog_function:write scopes."
  }

  private static func explainInvalid(_ failure: HTTPFailure, said: String) -> String {
    var text = "\(failure.status) PostHog rejected the request"
    if let attr = failure.attr { text += " at field '\(attr)'" }
    text += ":"
    text += said.isEmpty ? " (no reason given)" : said
    if let code = failure.code { text += " [\(code)]" }
    return text
  }

  /// `hog_function:write` from "API key missing required scope 'hog_function:write'".
  static func missingScope(in detail: String) -> String? {
    guard detail.localizedCaseInsensitiveContains("scope") else { return nil }
    let parts = detail.split(separator: "'", omittingEmptySubsequences: false)
    guard parts.count >= 3 else { return nil }
    return String(parts[1])
  }

  static func explain(_ error: TransportError) -> String {
    switch error {
    case .cannotConnect(let reason):
      return "could not connect to PostHog (\(reason)). Check the host and your network."
    case .connectionLost(let reason):
      return "the connection to PostHog broke (\(reason))."
    case .timedOut:
      return "PostHog did not answer in time. Try again, or raise the request timeout."
    case .other(let reason):
      return "the request failed (\(reason))."
    }
  }

  private static func afterAttempts(_ attempts: Int) -> String {
    attempts > 1 ? " Gave up after \(attempts) attempts." : ""
  }

  private static func seconds(_ value: Double) -> String {
    "\(Int(value.rounded(.up))) s"
  }

  private static func origin(of url: String) -> String {
    guard let components = URLComponents(string: url) else { return url }
    var origin = "\(components.scheme ?? "")://\(components.host ?? "")"
    if let port = components.port { origin += ":\(port)" }
    return origin
  }
}
