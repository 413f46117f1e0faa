import Foundation
import HogctlJSON
import Manifests
import PostHogAPI

/// One `tests:` entry of one manifest.
struct InvocationTest {
  var function: DesiredFunction
  var name: String
  var globals: JSONValue
  var expectation: TestExpectation

  /// Every test of the given functions, in manifest order.
  static func collect(_ functions: [DesiredFunction]) -> [InvocationTest] {
    functions.filter { !$0.deleted }.sorted { $0.location < $1.location }.flatMap { function in
      function.tests.map { test in
        InvocationTest(
          function: function, name: test["name"]?.stringValue ?? "(unnamed)",
          globals: test["globals"] ?? [:], expectation: TestExpectation(test["expect"]))
      }
    }
  }

  /// The manifest's own configuration, as a create would send it (secret values included: the
  /// request goes only to PostHog, and the client redacts them from every message).
  var configuration: JSONObject {
    var body = function.fields
    body["name"] = .string(function.name)
    body["type"] = .string(function.type)
    if let templateID = function.templateID { body["template_id"] = .string(templateID) }
    return body
  }
}

/// A test and what came of it.
struct TestCaseResult {
  var test: InvocationTest
  var outcome: TestOutcome
  var seconds: Double
}

/// Runs tests through `POST hog_functions/new/invocations/`: nothing is stored or logged under
/// the live function, and the manifest's configuration is tested whether or not it is applied.
struct InvocationTestRunner {
  var api: PostHogClient
  var mockAsyncFunctions: Bool

  func run(_ tests: [InvocationTest]) async throws -> [TestCaseResult] {
    var results: [TestCaseResult] = []
    for test in tests {
      let started = Date()
      let outcome = try await outcome(of: test)
      results.append(TestCaseResult(test: test, outcome: outcome, seconds: Date().timeIntervalSince(started)))
    }
    return results
  }

  private func outcome(of test: InvocationTest) async throws -> TestOutcome {
    let body: JSONObject = [
      "configuration": .object(test.configuration), "globals": test.globals,
      "mock_async_functions": .bool(mockAsyncFunctions),
    ]
    do {
      return test.expectation.evaluate(try await api.invoke(id: "new", body: body))
    } catch let error as APIError where error.status == 400 {
      // PostHog refused this configuration or these globals: the test fails, the run goes on.
      return .failed([error.failure.map(Self.refusal) ?? error.localizedDescription])
    }
  }

  private static func refusal(_ failure: HTTPFailure) -> String {
    let field = failure.attr.map { " (\($0))" } ?? ""
    return "PostHog refused the invocation\(field): \(failure.detail ?? failure.bodySnippet ?? "400")"
  }
}
