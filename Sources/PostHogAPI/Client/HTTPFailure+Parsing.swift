import Foundation
import HogctlJSON

extension HTTPFailure {
  /// Reads PostHog's error shapes: `{type, code, detail, attr}`, `{"error": "..."}` (broadcast,
  /// invocations) and DRF field errors such as `{"configuration": {"hog": ["..."]}}`. Any other
  /// body becomes a short readable snippet.
  init(response: APIResponse, context: RequestContext, redactor: Redactor, attempts: Int) {
    self.init(status: response.status, context: context, attempts: attempts)
    retryAfter = RetryPolicy.retryAfterSeconds(response.header("Retry-After"))
    let json = try? JSONValue.parse(response.body)
    if let object = json?.objectValue, !object.isEmpty {
      if object["detail"] != nil || object["type"] != nil || object["code"] != nil {
        type = object["type"]?.stringValue
        code = object["code"]?.stringValue
        detail = object["detail"].flatMap(Self.text(of:))
        attr = object["attr"]?.stringValue
      } else if let error = object["error"], object.count == 1 {
        detail = Self.text(of: error)
      } else if let (path, message) = Self.firstFieldError(in: .object(object)) {
        attr = path
        detail = message
      }
    }
    if detail == nil, !response.body.isEmpty {
      bodySnippet = Self.snippet(of: response.body)
    }
    detail = detail.map(redactor.redact)
    bodySnippet = bodySnippet.map(redactor.redact)
  }

  private static func text(of value: JSONValue) -> String? {
    switch value {
    case .string(let text): text
    case .null: nil
    case .array(let items): items.first.flatMap(text(of:))
    default: value.serialized()
    }
  }

  /// The first leaf of a nested field-error object, with its path joined by `__`.
  static func firstFieldError(in value: JSONValue) -> (String?, String)? {
    switch value {
    case .object(let members):
      for key in members.keys.sorted() {
        if let (path, message) = firstFieldError(in: members[key]!) {
          return (path.map { "\(key)__\($0)" } ?? key, message)
        }
      }
      return nil
    case .array(let items):
      if let first = items.first, case .string(let message) = first { return (nil, message) }
      for (index, item) in items.enumerated() {
        if let (path, message) = firstFieldError(in: item) {
          return (path.map { "\(index)__\($0)" } ?? String(index), message)
        }
      }
      return nil
    case .string(let message): return (nil, message)
    default: return nil
    }
  }

  /// The readable start of a non-JSON body: an HTML page's title or text, 200 characters at most.
  static func snippet(of body: Data, limit: Int = 200) -> String {
    var text = String(decoding: body.prefix(16_384), as: UTF8.self)
    if let title = between(text, "<title>", "</title>") {
      text = title
    } else {
      text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }
    text = text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return text.count > limit ? String(text.prefix(limit)) + "…" : text
  }

  private static func between(_ text: String, _ start: String, _ end: String) -> String? {
    guard let open = text.range(of: start, options: .caseInsensitive),
      let close = text.range(of: end, options: .caseInsensitive, range: open.upperBound..<text.endIndex)
    else { return nil }
    let inner = text[open.upperBound..<close.lowerBound]
    return inner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : String(inner)
  }
}
