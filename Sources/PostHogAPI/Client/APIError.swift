import Foundation

/// Which request an error concerns: method, path (no host, no key) and, when known, the function.
public struct RequestContext: Sendable, Hashable {
  public var method: String
  public var path: String
  public var functionID: String?
  public var functionName: String?

  public init(method: String, path: String, functionID: String? = nil, functionName: String? = nil) {
    self.method = method
    self.path = path
    self.functionID = functionID
    self.functionName = functionName
  }
}

/// An HTTP answer that was not a success, with PostHog's error fields when the body had them.
public struct HTTPFailure: Sendable, Hashable {
  public var status: Int
  /// PostHog's `type`, e.g. `validation_error`, `authentication_error`, `throttled_error`.
  public var type: String?
  public var code: String?
  public var detail: String?
  /// The field path, e.g. `inputs__url`, or `nil` for errors that belong to no field.
  public var attr: String?
  public var retryAfter: Double?
  /// The start of a body that was not PostHog's error shape, tags and extra space removed.
  public var bodySnippet: String?
  public var context: RequestContext
  /// Attempts made before giving up (1 when the request was not repeated).
  public var attempts: Int

  public init(
    status: Int, type: String? = nil, code: String? = nil, detail: String? = nil,
    attr: String? = nil, retryAfter: Double? = nil, bodySnippet: String? = nil,
    context: RequestContext, attempts: Int = 1
  ) {
    self.status = status
    self.type = type
    self.code = code
    self.detail = detail
    self.attr = attr
    self.retryAfter = retryAfter
    self.bodySnippet = bodySnippet
    self.context = context
    self.attempts = attempts
  }
}

/// Every failure of the PostHog client. `errorDescription` says what went wrong and what to do.
public enum APIError: Error, Sendable, Hashable {
  /// The server answered with an error status.
  case http(HTTPFailure)
  /// A create failed in a way that leaves open whether the function was created (the connection
  /// broke or a 5xx arrived after the body was sent). It was not repeated: look the name up
  /// before creating it again.
  case ambiguousCreate(name: String, reason: String, context: RequestContext)
  /// No answer: the connection failed or timed out.
  case transport(TransportError, context: RequestContext, attempts: Int)
  /// A success status with a body that is not what the endpoint returns.
  case invalidResponse(reason: String, context: RequestContext)
  /// `http://` to a host that is not loopback, without `insecureHTTP`.
  case insecureHost(String)
  case invalidHost(String)
  /// A `next` link or redirect pointing at another host; the key is not sent there.
  case untrustedURL(String, context: RequestContext)
  case tooManyRedirects(context: RequestContext)
  /// The API implementation does not offer this call.
  case unsupported(String)

  public var status: Int? {
    if case .http(let failure) = self { return failure.status }
    return nil
  }

  public var failure: HTTPFailure? {
    if case .http(let failure) = self { return failure }
    return nil
  }

  public var code: String? { failure?.code }
  public var attr: String? { failure?.attr }
  public var detail: String? { failure?.detail }

  public var context: RequestContext? {
    switch self {
    case .http(let failure): failure.context
    case .ambiguousCreate(_, _, let context), .transport(_, let context, _),
      .invalidResponse(_, let context), .untrustedURL(_, let context),
      .tooManyRedirects(let context):
      context
    case .insecureHost, .invalidHost, .unsupported: nil
    }
  }
}
