import HogctlJSON

/// The outcome of one manifest test.
enum TestOutcome: Equatable {
  case passed
  /// What did not match, one line each.
  case failed([String])
  /// The server did not execute the code; its reason. Never counted as passed.
  case skipped(String)
}

/// A manifest test's `expect:` checked against an `invocations` response.
struct TestExpectation {
  /// `success` when the manifest names no status: a test that errors fails unless it says so.
  var status: String
  var result: JSONValue?
  var logsContain: [String]
  /// `{url?, method?, body?}`: calls the code must make, read from the mocked calls PostHog logs.
  var fetchCalls: [JSONValue]

  init(_ expect: JSONValue?) {
    status = expect?["status"]?.stringValue ?? "success"
    result = expect?["result"]
    logsContain = expect?["logs_contain"]?.arrayValue?.compactMap(\.stringValue) ?? []
    fetchCalls = expect?["fetch"]?.arrayValue ?? []
  }

  /// A response whose server says the code did not run (`executed: false`, as the emulator
  /// answers) is skipped with the server's reason, whatever else it holds.
  func evaluate(_ response: JSONValue) -> TestOutcome {
    if response["executed"] == false {
      let reason =
        response["not_executed_reason"]?.stringValue
        ?? "the server did not execute the code (\"executed\": false)"
      return .skipped(reason)
    }
    var problems: [String] = []
    let actualStatus = response["status"]?.stringValue ?? "(none)"
    if actualStatus != status {
      var line = "expected status \(status), got \(actualStatus)"
      let errors = response["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
      if !errors.isEmpty { line += ": " + errors.joined(separator: "; ") }
      problems.append(line)
    }
    if let expected = result {
      let actual = response["result"] ?? .null
      if let difference = JSONSubset.difference(expected: expected, actual: actual, path: "result") {
        problems.append(difference)
      }
    }
    let messages = (response["logs"]?.arrayValue ?? []).compactMap { $0["message"]?.stringValue }
    for wanted in logsContain where !messages.contains(where: { $0.contains(wanted) }) {
      problems.append("no log line contains \"\(wanted)\"")
    }
    let calls = messages.compactMap(MockedFetch.init(logMessage:))
    for wanted in fetchCalls where !calls.contains(where: { $0.matches(wanted) }) {
      let made =
        calls.isEmpty
        ? "no mocked fetch call was logged" : "mocked calls: " + calls.map(\.summary).joined(separator: ", ")
      problems.append("no fetch call matches \(wanted.serialized()) (\(made))")
    }
    return problems.isEmpty ? .passed : .failed(problems)
  }
}

/// `expect.result` is a subset: every key it names must be in the result with an equal value
/// (recursively); lists and scalars must be equal; `null` means the event was dropped.
enum JSONSubset {
  /// `nil` when `actual` contains `expected`; else where and how they differ.
  static func difference(expected: JSONValue, actual: JSONValue, path: String) -> String? {
    if let wanted = expected.objectValue {
      guard let have = actual.objectValue else {
        return "\(path): expected an object, got \(actual.serialized())"
      }
      for (key, value) in wanted {
        guard let present = have[key] else {
          return "\(path).\(key): missing (expected \(value.serialized()))"
        }
        if let difference = difference(expected: value, actual: present, path: "\(path).\(key)") {
          return difference
        }
      }
      return nil
    }
    return expected == actual ? nil : "\(path): expected \(expected.serialized()), got \(actual.serialized())"
  }
}
