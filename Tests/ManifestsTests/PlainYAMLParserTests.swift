import Foundation
import HogctlCore
import Testing

@testable import Manifests

/// The plain-YAML parser must give exactly what libyaml and the composer give (nodes, texts,
/// styles, tags, positions), and leave everything outside its subset to libyaml.
@Suite struct PlainYAMLParserTests {
  static func compare(_ yaml: String) -> YAMLReaderCrossCheck.Outcome {
    YAMLReaderCrossCheck.compare(Data(yaml.utf8))
  }

  static let accepted = [
    "a: 1\n",
    "a: 1",
    "# a comment\n\na: x # note\nb:   two  words  \n",
    "a:\n  b: 1\n  c:\n    d: e\n",
    "a:\n    b: 1\n    c: 2\nd: 3\n",
    "a:\n- x\n- y\nb: 2\n",
    "a:\n  - x\n  -   y\n",
    "a:\n  - k: v\n    l: w\n  - k: v2\n",
    "b:\n  - a:\n    - x\n",
    "a: {key: url, type: string, required: true, default: {event: \"{event}\"}}\n",
    "a: [1, 'two', \"three\", [x], {}]\n",
    "a: []\nb: {}\n",
    "a: { spaced :  out , b: c }\n",
    "a: !env NAME\nb: !file 'x.hog'\nc: [!env A, !input b]\nd: {e: !env F}\n",
    "hog: |\n  let x := 1\n\n  return x\n",
    "hog: |-\n  x\n\n\nb: 1\n",
    "hog: |+\n  x\n\n\nb: 1\n",
    "hog: | # how it is read\n  x\n   y\n      \n  z\n",
    "hog: |\n  x",
    "hog: |\n  x\n  ",
    "hog: |\n  x\n \n   \n",
    "hog: |#c\n  x\n# after\nb: 1\n",
    "s:\n  - |\n    block in a list\n  - k: |\n      block in a mapping in a list\n",
    "a:\nb: ~\nc: # comment\nd: null\ne:\n",
    "'quoted key': 1\n\"dq\": 'it''s'\nx: \"a\\\"b\\\\c\\n\\td\"\n",
    "url: https://x.example/a?b=c#frag\nneg: -1\ntime: 12:30\nb: a#c\n",
    "a: \"x\"# comment\nb: {c: d}#comment\n",
    "k: v\n  # an indented comment\nk2: v\n",
    "seq:\n  - {a: 1}\n  - [b]\n  - 'c'\n  - !env D\n  - e\n",
    "filters:\n  events:\n    - id: $signup\n      name: Signed up\n  filter_test_accounts: true\n",
    "a: {url: https://hooks.example.com/x?y=1}\n",
    "a#b: c\n-d: e\nf - g: h\n",
    "code: !file |\n  x\nq: !env 'Y'\n",
    "list:\n  - [a, b]\n  - {}\n",
    // More members than the parser's pending buffers start with, and more keys than are scanned.
    (0..<40).map { "k\($0):\n  - x\($0)\n  - {a: \($0), b: [\($0)]}\n" }.joined(),
    "m: {" + (0..<40).map { "k\($0): \($0)" }.joined(separator: ", ") + "}\n",
  ]

  static let declined = [
    "a: &x 1\nb: *x\n",
    "a: >\n  folded\n",
    "a: multi\n  line\n",
    "a:\tb\n",
    "a: 1\r\nb: 2\r\n",
    "- a\n",
    "a: 1\na: 2\n",
    "<<: {a: 1}\nb: 2\n",
    "a: {b: 1,\n  c: 2}\n",
    "a: \"x\\u0041\"\n",
    "a: b: c\n",
    "a: caf\u{e9}\n",
    "---\na: 1\n",
    "a: 1\n...\n",
    "a: |2\n  x\n",
    "a: |\n\n  x\n",
    "a: |\nb: 1\n",
    "a: !!str x\n",
    "  a: 1\n",
    "a:\n  plain on the next line\n",
    "? a\n: b\n",
    "a: 'unterminated\n",
    "a: [1, 2,]\n",
    "a: {x}\n",
    "a: {\"b\":1}\n",
    "a: [b: c]\n",
    "hog: |\n    deeper\n  x: 1\n",
    "a:\n  - x\n   - y\n",
    "a: 1\n- b\n",
    "",
    "# only a comment\n",
    "a: 'x' 'y'\n",
    "a: b # c\n  d\n",
    "a: !env\nb: 1\n",
    "a: !env {b: 1}\n",
    "a: {b: 1, b: 2}\n",
    // A repeat found by the table that takes over from scanning in large mappings.
    (0..<20).map { "k\($0): \($0)\n" }.joined() + "k3: again\n",
    "m: {" + (0..<20).map { "k\($0): \($0)" }.joined(separator: ", ") + ", k19: again}\n",
  ]

  @Test(arguments: accepted) func readsItsSubsetExactlyAsLibYAMLDoes(yaml: String) {
    let outcome = Self.compare(yaml)
    #expect(outcome.disagreement == nil)
    #expect(outcome.readWithoutLibYAML, "fell back to libyaml")
  }

  @Test(arguments: declined) func leavesEverythingElseToLibYAML(yaml: String) {
    let outcome = Self.compare(yaml)
    #expect(outcome.disagreement == nil)
    #expect(!outcome.readWithoutLibYAML, "read without libyaml")
  }

  @Test func placesNodesWhereLibYAMLDoes() throws {
    let output = YAMLDocumentReader(file: "f.yaml").read(
      Data("# c\nk:\n  - id: x\n    n: !env V\nnull: # c\n".utf8))
    #expect(!output.readByLibYAML)
    let root = try #require(output.documents.first)
    guard case .mapping(let pairs) = root.kind, case .sequence(let items) = pairs[0].value.kind,
      case .mapping(let item) = items[0].kind
    else {
      Issue.record("unexpected shape: \(root)")
      return
    }
    #expect((root.line, root.column) == (2, 1))
    #expect((items[0].line, items[0].column) == (3, 5))
    #expect((item[1].value.line, item[1].value.column, item[1].value.tag) == (4, 8, "!env"))
    // An empty value sits just after its `:`.
    #expect((pairs[1].value.line, pairs[1].value.column) == (5, 6))
  }

  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The examples, the test fixtures and the fuzz seeds (split into their files).
  static func repositoryYAML() throws -> [(name: String, data: Data)] {
    var files: [(String, Data)] = []
    for folder in ["examples", "Tests", "Fuzz/corpus", "docs"] {
      let base = repositoryRoot.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
        continue
      }
      for case let url as URL in walker where ["yaml", "yml", "bin"].contains(url.pathExtension) {
        let parts = try Data(contentsOf: url).split(separator: 0xFF, omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
          files.append(("\(url.path.dropFirst(repositoryRoot.path.count))#\(index)", Data(part)))
        }
      }
    }
    return files
  }

  @Test func everyYAMLFileInTheRepositoryReadsTheSameBothWays() throws {
    let files = try Self.repositoryYAML()
    var readWithoutLibYAML = 0
    for (name, data) in files {
      let outcome = YAMLReaderCrossCheck.compare(data)
      #expect(outcome.disagreement == nil, "\(name)")
      if outcome.readWithoutLibYAML { readWithoutLibYAML += 1 }
    }
    #expect(files.count > 50)
    // Most manifests are plain YAML; the test fixtures are full of deliberate oddities.
    #expect(readWithoutLibYAML * 3 > files.count, "\(readWithoutLibYAML) of \(files.count)")
  }

  /// Small edits to real manifests land on the subset's edges: indentation, quotes, colons,
  /// comments, block headers. Both readings must still agree on every one.
  @Test func editedManifestsReadTheSameBothWays() throws {
    let examples = try Self.repositoryYAML().filter { $0.name.hasPrefix("/examples/") }.map {
      Array($0.data)
    }
    try #require(!examples.isEmpty)
    let pieces = [
      " ", "  ", "\n", "\n  ", "- ", ": ", ":", "#", " #", "|", "|-", "|+", ">", "'", "\"", "''", "\\",
      "{", "}", "[", "]", ",", "!env ", "!", "&a ", "*a", "---", "~", "\t", "<<: ",
    ].map { Array($0.utf8) }
    var generator = SeededGenerator(seed: 7)
    var readWithoutLibYAML = 0
    let edits = 3000
    for _ in 0..<edits {
      var bytes = examples.randomElement(using: &generator)!
      for _ in 0..<Int.random(in: 1...3, using: &generator) {
        let at = Int.random(in: 0...bytes.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: bytes.insert(contentsOf: pieces.randomElement(using: &generator)!, at: at)
        case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...4, using: &generator)))
        default:
          let end = bytes[at...].firstIndex(of: 0x0A) ?? bytes.count
          bytes.insert(contentsOf: bytes[at..<end], at: end)
        }
      }
      let outcome = YAMLReaderCrossCheck.compare(Data(bytes))
      #expect(outcome.disagreement == nil, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
      if outcome.readWithoutLibYAML { readWithoutLibYAML += 1 }
    }
    // Both readers were exercised.
    #expect(readWithoutLibYAML > edits / 10 && readWithoutLibYAML < edits * 9 / 10, "\(readWithoutLibYAML)")
  }
}
