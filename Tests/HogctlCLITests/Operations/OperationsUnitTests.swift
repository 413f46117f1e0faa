import HogctlJSON
import Manifests
import PostHogAPI
import Testing

@testable import HogctlCLI

@Suite struct OperationsUnitTests {
  @Test func aResponseTheServerDidNotExecuteIsSkippedWhateverItsStatus() {
    let expectation = TestExpectation(["status": "skipped"])
    let response: JSONValue = [
      "status": "skipped", "result": nil, "executed": false, "not_executed_reason": "no interpreter",
    ]
    #expect(expectation.evaluate(response) == .skipped("no interpreter"))
    #expect(TestExpectation(nil).evaluate(["status": "success", "executed": false]) != .passed)
  }

  @Test func expectationsCheckStatusResultSubsetAndLogs() {
    let response: JSONValue = [
      "status": "success", "result": ["event": "e", "properties": ["a": 1, "b": 2]], "errors": [],
      "logs": [["level": "info", "message": "hello world"]],
    ]
    #expect(
      TestExpectation(["result": ["properties": ["a": 1]], "logs_contain": ["world"]]).evaluate(response)
        == .passed)
    #expect(
      TestExpectation(["result": ["properties": ["c": 1]]]).evaluate(response)
        == .failed(["result.properties.c: missing (expected 1)"]))
    #expect(
      TestExpectation(["status": "error", "logs_contain": ["nope"]]).evaluate(response)
        == .failed(["expected status error, got success", "no log line contains \"nope\""]))
    #expect(TestExpectation(["result": nil]).evaluate(response) != .passed, "null means dropped")
  }

  @Test func mockedFetchCallsAreReadFromPostHogsLogLines() {
    let logged =
      "fetch('https://example.com/hook', {\n  \"headers\": {\"version\": \"v=1\"},\n  "
      + #""body": "{\"a\": 1, \"b\": 2}",\#n  "method": "post"\#n})"#
    #expect(
      MockedFetch(logMessage: logged)
        == MockedFetch(url: "https://example.com/hook", method: "POST", body: ["a": 1, "b": 2]))
    #expect(MockedFetch(logMessage: "fetch('https://x.test', undefined)")?.method == "GET")
    #expect(MockedFetch(logMessage: "Async function 'fetch' was mocked with arguments:") == nil)

    let response: JSONValue = ["status": "success", "logs": [["level": "info", "message": .string(logged)]]]
    #expect(
      TestExpectation(["fetch": [["url": "https://example.com/hook", "body": ["a": 1]]]]).evaluate(response)
        == .passed)
    #expect(
      TestExpectation(["fetch": [["method": "GET"]]]).evaluate(response)
        == .failed([#"no fetch call matches {"method":"GET"} (mocked calls: POST https://example.com/hook)"#])
    )
  }

  @Test func listNamesTheManifestOfEachLiveFunctionAndMarksTheRest() {
    func live(_ id: String, _ name: String) -> ListedHogFunction {
      ListedHogFunction(function: HogFunction(raw: ["id": .string(id), "name": .string(name)]), health: nil)
    }
    func manifest(_ name: String, line: Int, deleted: Bool = false) -> DesiredFunction {
      DesiredFunction(
        name: name, type: "destination", location: ManifestLocation(file: "f.yaml", line: line, column: 1),
        fields: [:], deleted: deleted)
    }
    let result = ManifestLoadResult(
      functions: [manifest("Kept", line: 1), manifest("Gone", line: 9, deleted: true)],
      settings: ProjectSettings(ignore: ["Legacy *"]), diagnostics: [], sources: [:], files: [],
      unresolvedEnvironment: [])
    let rows = LiveFunctionRow.rows(
      live: [live("1", "Kept"), live("2", "Gone"), live("3", "Legacy hook"), live("4", "Stray")],
      manifests: result)
    #expect(
      rows.map(\.managementText) == [
        "f.yaml:9 (deleted: true)", "f.yaml:1", "(ignored: manage.ignore)", "(unmanaged)",
      ])
  }

  @Test func sparklinesScaleToTheirMaximumAndKeepSmallCountsVisible() {
    #expect(Sparkline.render([0, 1, 4, 8]) == "▁▂▅█")
    #expect(Sparkline.render([0, 0]) == "▁▁")
    #expect(Sparkline.render([1, 1000]).first == "▂")
  }

  @Test func junitEscapesMarkupAndDropsInvalidCharacters() {
    #expect(JUnitReport.escape("a<b & \"c\"\u{1}\n") == "a&lt;b &amp; &quot;c&quot;&#10;")
  }

  @Test func windowsParseAsPostHogWritesThem() {
    #expect(TimeWindow(argument: "24h")?.relative == "-24h")
    #expect(TimeWindow(argument: "30m")?.relative == "-30M")
    #expect(TimeWindow(argument: "7d")?.seconds == 604_800)
    #expect(TimeWindow(argument: "0h") == nil)
    #expect(TimeWindow(argument: "soon") == nil)
  }
}
