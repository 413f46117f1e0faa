import Testing

@testable import Manifests

struct LocationLogTests {
  static let document = ManifestLocation(file: "f.yaml", line: 1, column: 1)

  static func at(_ line: Int, _ column: Int) -> ManifestLocation {
    ManifestLocation(file: "f.yaml", line: line, column: column)
  }

  @Test func theLastNoteOfAPathWins() {
    var log = LocationLog(document: Self.document)
    log.values.note(Array("inputs.url".utf8), line: 4, column: 8)
    log.values.note(Array("inputs.body".utf8), line: 5, column: 3)
    log.values.note(Array("inputs.url".utf8), line: 9, column: 2)
    #expect(log.values["inputs.url"] == Self.at(9, 2))
    #expect(log.values["inputs.body"] == Self.at(5, 3))
    #expect(log.values["inputs.missing"] == nil)
    // A path that only starts like a noted one is another path.
    #expect(log.values["inputs.ur"] == nil)
  }

  @Test func lookupsFallBackToTheKeyThenTheEnclosingValue() {
    var log = LocationLog(document: Self.document)
    log.values.note(Array("inputs".utf8), line: 3, column: 1)
    log.keys.note(Array("inputs.token".utf8), line: 4, column: 3)
    #expect(log.value("inputs.token") == Self.at(4, 3))
    #expect(log.value("inputs.other.deep") == Self.at(3, 1))
    #expect(log.key("inputs.token") == Self.at(4, 3))
    #expect(log.value("masking.ttl") == Self.document)
  }
}
