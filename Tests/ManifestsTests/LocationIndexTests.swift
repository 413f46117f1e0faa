import Foundation
import HogctlCore
import HogctlJSON
import Testing

@testable import Manifests

/// Locations are recorded on first lookup, by decoding the document again: what they hold
/// must be exactly what decoding once with notes on would have held.
struct LocationIndexTests {
  static func tags(for file: String) -> TagResolver {
    TagResolver(
      file: file, fileSystem: InMemoryManifestFileSystem(texts: ["code.hog": "return event\n"]),
      environment: ["TOKEN": "secret"], skipEnvironment: false, displayPath: { $0 })
  }

  /// Every document of `text` decoded once with notes on, and its lazily recorded index.
  static func bothWays(_ text: String, file: String) -> [(eager: LocationLog, lazy: LocationIndex)] {
    let documents = YAMLDocumentReader(file: file).read(text: text).documents
    let shape = Shape.object(
      ManifestPath.fileName(of: file).hasPrefix("hogctl.")
        ? ManifestShapes.settings : ManifestShapes.hogFunction)
    return documents.enumerated().map { index, document in
      let start = document.location(in: file)
      var decoder = ShapeDecoder(tags: tags(for: file), document: start, recordsLocations: true)
      _ = decoder.decode(document, as: shape)
      let lazy = ManifestLoader.locations(
        of: index, in: text, file: file, at: start, tags: tags(for: file), shape: shape)
      return (decoder.locations, lazy)
    }
  }

  @Test func aLookupRecordsWhatDecodingWithNotesOnWouldHave() throws {
    var documents = 0
    var notes = 0
    for (name, data) in try RepositoryYAML.files() {
      guard let text = String(validating: data, as: UTF8.self) else { continue }
      for (eager, lazy) in Self.bothWays(text, file: "function.yaml") {
        #expect(!lazy.isRecorded, "\(name)")
        _ = lazy.value("name")
        #expect(lazy.isRecorded, "\(name)")
        #expect(lazy.keys == eager.keys && lazy.values == eager.values, "\(name)")
        #expect(lazy.document == eager.document)
        documents += 1
        if eager.values["name"] != nil { notes += 1 }
      }
    }
    // The comparison ran on real documents that hold locations.
    #expect(documents > 50 && notes > 20, "\(documents) documents, \(notes) with a name")
  }

  @Test func theNthDocumentOfAFileIsRecordedFromItsOwnText() {
    let text = """
      name: First
      hog: return event
      ---
      name: Second
      hog: !file code.hog
      inputs_schema:
        - {key: token, type: string, secret: true}
      inputs:
        token: !env TOKEN

      """
    let both = Self.bothWays(text, file: "function.yaml")
    #expect(both.count == 2)
    #expect(both[1].lazy.value("name") == ManifestLocation(file: "function.yaml", line: 4, column: 7))
    #expect(both[1].lazy.key("inputs.token") == ManifestLocation(file: "function.yaml", line: 9, column: 3))
    #expect(
      both[1].lazy.value("inputs.token") == ManifestLocation(file: "function.yaml", line: 9, column: 10))
    #expect(both[0].lazy.value("name") == ManifestLocation(file: "function.yaml", line: 1, column: 7))
  }

  @Test func lookupsSideBySideRecordOnce() {
    let recordings = Counter()
    let index = LocationIndex(document: ManifestLocation(file: "f.yaml", line: 1, column: 1)) {
      recordings.increment()
      var log = LocationLog(document: ManifestLocation(file: "f.yaml", line: 1, column: 1))
      log.values.note(Array("name".utf8), line: 2, column: 7)
      return log
    }
    let found = Array(0..<64).parallelMap(chunkSize: 1) { _ in index.value("name") }
    #expect(Set(found) == [ManifestLocation(file: "f.yaml", line: 2, column: 7)])
    #expect(recordings.value == 1)
  }

  @Test func aRuleOnALaterDocumentPointsIntoIt() throws {
    let result = try loadManifests([
      "functions.yaml": """
      name: First
      hog: return event
      ---
      name: Second
      hog: return event
      inputs_schema:
        - {key: url, type: string}
      inputs:
        url: https://example.com
        urll: https://example.com

      """
    ])
    let unknown = try #require(result.diagnostics.first { $0.ruleID == RuleID.unknownInput })
    #expect(unknown.location == ManifestLocation(file: "functions.yaml", line: 10, column: 3))
  }
}

private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func increment() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
}
