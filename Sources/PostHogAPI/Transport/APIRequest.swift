import Foundation

/// One HTTP request as the transport sends it: fully resolved, headers included.
public struct APIRequest: Sendable, Hashable {
  public enum Method: String, Sendable, Hashable {
    case get = "GET"
    case post = "POST"
    case patch = "PATCH"
    case put = "PUT"
    case delete = "DELETE"
  }

  public var method: Method
  public var url: URL
  public var headers: [String: String]
  public var body: Data?
  /// Seconds without progress before the transport gives up; `nil` uses the transport's default.
  public var timeout: Double?

  public init(
    method: Method, url: URL, headers: [String: String] = [:], body: Data? = nil,
    timeout: Double? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.timeout = timeout
  }

  /// The header value for a case-insensitive name.
  public func header(_ name: String) -> String? {
    headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
  }
}

/// One HTTP response. Header names are stored lower-cased.
public struct APIResponse: Sendable, Hashable {
  public var status: Int
  public var headers: [String: String]
  public var body: Data

  public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
    self.status = status
    self.headers = Dictionary(
      headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    self.body = body
  }

  public func header(_ name: String) -> String? { headers[name.lowercased()] }

  public var isSuccess: Bool { (200..<300).contains(status) }
  public var isRedirect: Bool { [301, 302, 303, 307, 308].contains(status) }
}
