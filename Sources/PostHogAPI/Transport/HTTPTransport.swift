/// Sends one request and returns the server's answer, whatever its status. Redirects are not
/// followed (the client decides which hosts may see the key). Failures to get any answer are
/// thrown as `TransportError`; cancellation as `CancellationError`.
public protocol HTTPTransport: Sendable {
  func send(_ request: APIRequest) async throws -> APIResponse
}

/// Why no HTTP answer arrived. The cases differ in whether the server may have seen the request,
/// which decides whether a create may be sent again.
public enum TransportError: Error, Sendable, Hashable {
  /// The connection was never made (refused, unknown host): the server saw nothing.
  case cannotConnect(String)
  /// The connection broke after the request may have been sent.
  case connectionLost(String)
  /// No answer within the timeout; the request may have been processed.
  case timedOut
  /// Anything else the networking layer reports, e.g. TLS failures.
  case other(String)

  /// Whether the server can have received the request.
  public var requestMayHaveBeenSent: Bool {
    if case .cannotConnect = self { return false }
    return true
  }
}
