import Foundation

/// Receives one line (or a few) per request and response when debugging is on. The library never
/// prints; the CLI passes a sink that writes to standard error.
public typealias DebugTraceSink = @Sendable (String) -> Void

/// Formats trace lines. The `Authorization` header is always shown as `Bearer [redacted]`, and
/// every line passes through the redactor.
struct DebugTrace {
  static let bodyLimit = 4000

  static func request(_ request: APIRequest, redactor: Redactor) -> String {
    var lines = ["→ \(request.method.rawValue) \(request.url.absoluteString)"]
    for name in request.headers.keys.sorted() {
      let value =
        name.caseInsensitiveCompare("Authorization") == .orderedSame
        ? "Bearer \(Redactor.keyReplacement)" : request.headers[name]!
      lines.append("  \(name): \(value)")
    }
    if let body = request.body, !body.isEmpty { lines.append("  " + text(of: body)) }
    return redactor.redact(lines.joined(separator: "\n"))
  }

  static func response(
    _ response: APIResponse, for request: APIRequest, milliseconds: Int, redactor: Redactor
  ) -> String {
    var lines = [
      "← \(response.status) \(request.method.rawValue) \(request.url.absoluteString) (\(milliseconds) ms)"
    ]
    for name in ["retry-after", "location", "deprecation", "content-type"] {
      if let value = response.header(name) { lines.append("  \(name): \(value)") }
    }
    if !response.body.isEmpty { lines.append("  " + text(of: response.body)) }
    return redactor.redact(lines.joined(separator: "\n"))
  }

  static func failure(_ error: TransportError, for request: APIRequest, redactor: Redactor) -> String {
    redactor.redact("× \(request.method.rawValue) \(request.url.absoluteString): \(error)")
  }

  static func retry(after seconds: Double, attempt: Int, request: APIRequest, redactor: Redactor)
    -> String
  {
    let delay = String(format: "%.2f", seconds)
    return redactor.redact(
      "↻ \(request.method.rawValue) \(request.url.absoluteString): attempt \(attempt + 1) in \(delay) s")
  }

  private static func text(of body: Data) -> String {
    guard let string = String(data: body, encoding: .utf8) else {
      return "(\(body.count) bytes of binary data)"
    }
    if string.count <= bodyLimit { return string }
    return String(string.prefix(bodyLimit)) + "… (\(body.count) bytes)"
  }
}
