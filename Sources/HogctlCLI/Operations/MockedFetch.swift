import HogctlJSON

/// A `fetch` call PostHog mocked during a test invocation. PostHog does not return the calls as
/// data: it logs each as `fetch('<url>', <the options as JSON>)` after the line "Async function
/// 'fetch' was mocked with arguments:", so they are read back from the log messages.
struct MockedFetch: Equatable {
  var url: String
  var method: String
  var body: JSONValue?

  init(url: String, method: String, body: JSONValue?) {
    self.url = url
    self.method = method
    self.body = body
  }

  /// The call a log message records, or `nil` for any other message.
  init?(logMessage message: String) {
    guard message.hasPrefix("fetch('"), message.hasSuffix(")"),
      let end = message.range(
        of: "', ", range: message.index(message.startIndex, offsetBy: 7)..<message.endIndex)
    else { return nil }
    url = String(message[message.index(message.startIndex, offsetBy: 7)..<end.lowerBound])
    let optionsText = String(message[end.upperBound..<message.index(before: message.endIndex)])
    // `JSON.stringify(undefined)`: fetch was called with the URL alone.
    let options = optionsText == "undefined" ? nil : try? JSONValue.parse(optionsText)
    method = options?["method"]?.stringValue?.uppercased() ?? "GET"
    body = options?["body"].map { body in
      // Hog code often sends a body it serialised itself: compare the JSON it holds.
      body.stringValue.flatMap { try? JSONValue.parse($0) } ?? body
    }
  }

  var summary: String { "\(method) \(url)" }

  /// Whether this call is what `expected` (`{url?, method?, body?}`) asks for.
  func matches(_ expected: JSONValue) -> Bool {
    if let url = expected["url"]?.stringValue, url != self.url { return false }
    if let method = expected["method"]?.stringValue, method.uppercased() != self.method { return false }
    if let wanted = expected["body"] {
      return JSONSubset.difference(expected: wanted, actual: body ?? .null, path: "body") == nil
    }
    return true
  }
}
