import Testing

@testable import Manifests

struct LocationLogTests {
  static let document = ManifestLocation(file: "f.yaml", line: 1, column: 1)

  static func at(_ line: Int, _ column: Int, in file: String = "f.yaml") -> ManifestLocation {
    ManifestLocation(file: file, line: line, column: column)
  }

  @Test func theLastNoteOfAPathWins() {
    var index = LocationLog(document: Self.document)
    index.values["inputs.url"] = Self.at(4, 8)
    index.values["inputs.body"] = Self.at(5, 3)
    index.values["inputs.url"] = Self.at(9, 2)
    #expect(index.values["inputs.url"] == Self.at(9, 2))
    #expect(index.values["inputs.body"] == Self.at(5, 3))
    #expect(index.values["inputs.missing"] == nil)
  }

  @Test func locationsInAnotherFileAreKeptWhole() {
    var index = LocationLog(document: Self.document)
    index.values["hog"] = Self.at(3, 1, in: "code.hog")
    index.values["name"] = Self.at(2, 7)
    #expect(index.values["hog"] == Self.at(3, 1, in: "code.hog"))
    #expect(index.values["name"] == Self.at(2, 7))
    index.values["hog"] = Self.at(6, 6)
    #expect(index.values["hog"] == Self.at(6, 6))
  }

  @Test func aClearedPathIsGone() {
    var index = LocationLog(document: Self.document)
    index.keys["id"] = Self.at(2, 1)
    index.keys["id"] = nil
    #expect(index.keys["id"] == nil)
  }

  @Test func lookupsFallBackToTheKeyThenTheEnclosingValue() {
    var index = LocationLog(document: Self.document)
    index.values["inputs"] = Self.at(3, 1)
    index.keys["inputs.token"] = Self.at(4, 3)
    #expect(index.value("inputs.token") == Self.at(4, 3))
    #expect(index.value("inputs.other.deep") == Self.at(3, 1))
    #expect(index.key("inputs.token") == Self.at(4, 3))
    #expect(index.value("masking.ttl") == Self.document)
  }
}
