import HogctlJSON
import Manifests
import Testing

@testable import Importer

/// What import writes must read back, through hogctl's own loader, as exactly the values written.
@Suite struct YAMLEmitterTests {
  /// Loads one function document with `value` as an input without a schema (the YAML 1.2 core
  /// schema then types plain scalars) and returns the input's value.
  func roundTrip(_ value: JSONValue) throws -> JSONValue? {
    let document = YAMLNode.mapping(
      [
        ("name", .text("f")), ("hog", .text("return event")),
        ("inputs", .mapping([("x", .from(value))], flow: false)),
      ], flow: false)
    let text = try YAMLEmitter.emit(document)
    let result = try ManifestLoader(
      fileSystem: InMemoryManifestFileSystem(texts: ["f.yaml": text]), environment: [:]
    ).load()
    #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(text)")
    return result.functions.first?.fields["inputs"]?["x"]?["value"]
  }

  @Test(arguments: [
    "123", "0123", "0o17", "0x1F", "1e3", "-1", "+1", ".5", "1.0", "true", "False", "yes", "no", "on", "off",
    "null", "~", "", " leading", "trailing ", "#growth", "a #b", "key: value", "a:b", "{x}", "[1]", "- item",
    "multi\nline\n", "tab\there", "Ünïcødé – ☕", "'quoted'", "\"double\"", "!env X", "&anchor", "*alias",
    "%directive", "@at", "`tick`", "|", ">", "?", "2026-12-06", ".inf", ".nan", "line\r\nbreak",
  ])
  func textReadsBackAsText(_ text: String) throws {
    #expect(try roundTrip(.string(text)) == .string(text))
  }

  @Test func valuesOfEveryKindReadBack() throws {
    let values: [JSONValue] = [
      1, 0, -42, 3.25, 1e20, true, false, .null, ["a", 1, true], ["k": "v", "n": ["x": [1, 2]]], [], [:],
    ]
    for value in values { #expect(try roundTrip(value) == value) }
  }

  @Test func tagsAreWritten() throws {
    let text = try YAMLEmitter.emit(
      .mapping(
        [
          ("a", .tagged("!env", "SLACK_TOKEN")), ("b", .tagged("!file", "code.hog")),
          (
            "c",
            .mapping([("value", .text("x")), ("templating", .text("liquid"))], flow: true, tag: "!input")
          ),
        ], flow: false))
    #expect(text == "a: !env SLACK_TOKEN\nb: !file code.hog\nc: !input {value: x, templating: liquid}\n")
  }
}
