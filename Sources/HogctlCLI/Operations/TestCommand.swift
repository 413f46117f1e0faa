import ArgumentParser
import Foundation
import HogctlJSON

/// `hogctl test`: runs the manifests' `tests:` through PostHog's invocations endpoint.
struct TestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run the manifests' tests through PostHog's invocations endpoint.",
    discussion: """
      Each test sends the manifest's own configuration (applied or not) and the test's globals to \
      POST hog_functions/new/invocations/, with async functions such as fetch mocked (no request \
      leaves PostHog), and checks expect.status (default success), expect.result (a subset of the \
      returned event) and expect.logs_contain. A test the server did not execute (the embedded \
      emulator does not run Hog) is reported as skipped with the server's reason, never as passed. \
      Exit codes: 0 no test failed, 1 a test failed or an error, 64 bad usage. Example:

        hogctl test functions/ --junit test-results.xml
      """)

  @OptionGroup var manifests: ManifestOptions
  @OptionGroup var connection: ConnectionOptions

  @Option(name: .customLong("target"), help: "Only the tests of the function with this name (repeatable).")
  var targets: [String] = []

  @Option(help: ArgumentHelp("Also write the results as JUnit XML to FILE.", valueName: "file"))
  var junit: String?

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Flag(
    name: .customLong("live-fetch"),
    help: "Let fetch and other async functions really run (by default PostHog mocks them).")
  var liveFetch = false

  func run() async throws {
    let results = try await OperationContext.with(
      manifests: manifests, connection: connection, sendsManifests: true
    ) { context in
      let known = Set(context.result.functions.map(\.name))
      let unknown = targets.filter { !known.contains($0) }
      if !unknown.isEmpty {
        throw CommandError("No manifest is named \(unknown.map { "'\($0)'" }.joined(separator: ", ")).")
      }
      let functions = context.result.functions.filter { targets.isEmpty || targets.contains($0.name) }
      if liveFetch {
        Terminal.error(
          "Warning: --live-fetch: the tests' fetch calls really go out from PostHog to their URLs.")
      }
      let runner = InvocationTestRunner(api: context.api, mockAsyncFunctions: !liveFetch)
      return try await runner.run(InvocationTest.collect(functions))
    }
    if let junit {
      do {
        try JUnitReport.render(results).write(toFile: junit, atomically: true, encoding: .utf8)
      } catch {
        throw CommandError("Cannot write the JUnit report to '\(junit)': \(error.localizedDescription)")
      }
    }
    switch format {
    case .text: Terminal.output(TestResultsText.render(results))
    case .json: Terminal.output(TestResultsText.json(results).serialized(pretty: true) + "\n")
    }
    if results.contains(where: { if case .failed = $0.outcome { true } else { false } }) {
      throw ExitCode.failure
    }
  }
}

/// The text and JSON forms of test results.
enum TestResultsText {
  static func render(_ results: [TestCaseResult]) -> String {
    guard !results.isEmpty else { return "No tests: no manifest in scope has a tests: entry.\n" }
    var text = ""
    for result in results {
      let title = "\(result.test.function.name) › \(result.test.name)"
      switch result.outcome {
      case .passed:
        text += "PASS  \(title)\n"
      case .failed(let problems):
        text += "FAIL  \(title)\n" + problems.map { "      \($0)\n" }.joined()
      case .skipped(let reason):
        text += "SKIP  \(title)\n      not executed: \(reason)\n"
      }
    }
    let (passed, failed, skipped) = counts(results)
    text += "\nTests: \(passed) passed, \(failed) failed, \(skipped) skipped, \(results.count) in total.\n"
    if skipped == results.count {
      text += "No test was executed: nothing was checked.\n"
    }
    return text
  }

  static func counts(_ results: [TestCaseResult]) -> (passed: Int, failed: Int, skipped: Int) {
    var counts = (passed: 0, failed: 0, skipped: 0)
    for result in results {
      switch result.outcome {
      case .passed: counts.passed += 1
      case .failed: counts.failed += 1
      case .skipped: counts.skipped += 1
      }
    }
    return counts
  }

  static func json(_ results: [TestCaseResult]) -> JSONValue {
    let (passed, failed, skipped) = counts(results)
    let tests: [JSONValue] = results.map { result in
      var item: JSONObject = [
        "function": .string(result.test.function.name), "test": .string(result.test.name),
        "file": .string(result.test.function.location.file), "seconds": .number(result.seconds),
      ]
      switch result.outcome {
      case .passed: item["outcome"] = "passed"
      case .failed(let problems):
        item["outcome"] = "failed"
        item["problems"] = .array(problems.map(JSONValue.string))
      case .skipped(let reason):
        item["outcome"] = "skipped"
        item["reason"] = .string(reason)
      }
      return .object(item)
    }
    return [
      "format_version": "1", "tests": .array(tests),
      "summary": [
        "passed": .number(Double(passed)), "failed": .number(Double(failed)),
        "skipped": .number(Double(skipped)),
      ],
    ]
  }
}
