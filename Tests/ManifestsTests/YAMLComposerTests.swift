import Foundation
import Testing

@testable import Manifests

/// The reader that builds hogctl's nodes from libyaml's events: aliases, tags, styles, positions
/// and the budgets, checked on the nodes themselves.
struct YAMLComposerTests {
  static func read(_ yaml: String) -> YAMLDocumentReader.Output {
    YAMLDocumentReader(file: "f.yaml").read(Data(yaml.utf8))
  }

  static func root(_ yaml: String) throws -> [SourcePair] {
    let output = read(yaml)
    #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
    guard case .mapping(let pairs) = try #require(output.documents.first).kind else {
      Issue.record("not a mapping")
      return []
    }
    return pairs
  }

  @Test func anchoredCollectionsAreCopiedWhole() throws {
    // The anchor's name is read before the collection's children, whose events replace it.
    let pairs = try Self.root("a: &m {x: 1, y: [2, 3]}\nb: *m\nc: &s [q, {r: s}]\nd: *s\n")
    #expect(pairs.map(\.keyText) == ["a", "b", "c", "d"])
    guard case .mapping(let copied) = pairs[1].value.kind, case .sequence(let items) = pairs[3].value.kind
    else {
      Issue.record("aliases were not expanded: \(pairs)")
      return
    }
    #expect(copied.map(\.keyText) == ["x", "y"])
    #expect(items.count == 2)
    // A copy keeps the position it was written at.
    #expect(pairs[1].value.line == 1)
  }

  @Test func scalarsKeepTextStyleAndWrittenTags() throws {
    let pairs = try Self.root(
      "plain: no\nsingle: 'no'\ndouble: \"x\"\nblock: |\n  line\nenv: !env TOKEN\nstr: !!str 'q'\nplainstr: !!str 5\nbang: ! 7\n"
    )
    let values = Dictionary(uniqueKeysWithValues: pairs.map { ($0.keyText, $0.value) })
    #expect(values["plain"]?.isPlainScalar == true)
    #expect(values["plain"]?.scalarText == "no")
    #expect(values["single"]?.isPlainScalar == false)
    #expect(values["single"]?.tag == nil)
    #expect(values["double"]?.tag == nil)
    #expect(values["block"]?.scalarText == "line\n")
    #expect(values["env"]?.tag == "!env")
    #expect(values["str"]?.tag == nil)
    #expect(values["plainstr"]?.tag == YAMLTags.string)
    #expect(values["bang"]?.tag == YAMLTags.nonSpecific)
  }

  @Test func positionsAreOneBased() throws {
    let pairs = try Self.root("first: 1\nsecond:\n  nested: two\n")
    #expect(pairs[0].key.location(in: "f.yaml") == ManifestLocation(file: "f.yaml", line: 1, column: 1))
    #expect(pairs[0].value.location(in: "f.yaml") == ManifestLocation(file: "f.yaml", line: 1, column: 8))
    guard case .mapping(let nested) = pairs[1].value.kind else { return }
    #expect(nested[0].value.location(in: "f.yaml") == ManifestLocation(file: "f.yaml", line: 3, column: 11))
  }

  @Test func mergeKeysFillOnlyWhatIsNotSet() throws {
    let pairs = try Self.root("base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3\n")
    guard case .mapping(let child) = pairs[1].value.kind else { return }
    #expect(child.map(\.keyText) == ["y", "x"])
    #expect(child[0].value.scalarText == "3")
  }

  @Test func duplicateKeysAreReportedAtTheRepeat() {
    let output = Self.read("a: 1\nb: 2\n'a': 3\n")
    #expect(output.diagnostics.map(\.ruleID) == [RuleID.duplicateKey])
    #expect(output.diagnostics.first?.location?.line == 3)
  }

  /// Small mappings are scanned for repeats, large ones hashed: both ways, on both sides of the
  /// switch, find the repeat and name the first.
  @Test(arguments: [2, MappingKeys.scanLimit, MappingKeys.scanLimit + 1, MappingKeys.scanLimit + 2, 200])
  func duplicateKeysAreFoundInMappingsOfAnySize(size: Int) {
    for repeated in [0, size / 2, size - 1] {
      let lines = (0..<size).map { "k\($0): \($0)" } + ["k\(repeated): again", "tail: 1"]
      let output = Self.read(lines.joined(separator: "\n") + "\n")
      #expect(
        output.diagnostics.map(\.ruleID) == [RuleID.duplicateKey], "size \(size), repeat of \(repeated)")
      #expect(output.diagnostics.first?.location?.line == size + 1)
      #expect(output.diagnostics.first?.message.contains("first at line \(repeated + 1)") == true)
    }
  }

  @Test func anUndefinedAliasIsASyntaxErrorAtTheAlias() {
    let output = Self.read("a: 1\nb: *nowhere\n")
    #expect(output.diagnostics.map(\.ruleID) == [RuleID.yamlSyntax])
    #expect(output.diagnostics.first?.location == ManifestLocation(file: "f.yaml", line: 2, column: 4))
  }

  @Test func anchorsDoNotCrossDocuments() {
    let output = Self.read("a: &x 1\n---\nb: *x\n")
    #expect(output.documents.count == 1)
    #expect(output.diagnostics.map(\.ruleID) == [RuleID.yamlSyntax])
  }

  @Test func aliasesCountTowardsTheDepthLimit() {
    let deep = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
    // Each level is within the limit on its own; the copy of `d` under 60 more levels is not.
    let wrapped = String(repeating: "[", count: 60) + "*d" + String(repeating: "]", count: 60)
    var yaml = "a: &d \(deep)\nb: \(wrapped)\n"
    yaml += "---\nc: 1\n"
    let output = Self.read(yaml)
    #expect(output.diagnostics.map(\.ruleID) == [RuleID.aliasLimit])
    // The next document is still read.
    #expect(output.documents.count == 1)
  }

  @Test func syntaxErrorsKeepTheDocumentsBeforeThem() {
    let output = Self.read("a: 1\n---\nb: [unclosed\n")
    #expect(output.documents.count == 1)
    #expect(output.diagnostics.map(\.ruleID) == [RuleID.yamlSyntax])
    #expect(output.diagnostics.first?.message.hasPrefix("YAML syntax: ") == true)
  }

  @Test func controlCharactersArePlacedByCharacterNotByte() {
    // libyaml reports a reader error at a byte offset; "é" is two bytes but one column.
    let output = Self.read("name: é\u{01}\n")
    #expect(output.diagnostics.map(\.ruleID) == [RuleID.yamlSyntax])
    #expect(output.diagnostics.first?.location == ManifestLocation(file: "f.yaml", line: 1, column: 8))
  }
}

struct TagArgumentTests {
  @Test(arguments: [
    ("NAME", "NAME"), (" NAME", "NAME"), ("NAME\t", "NAME"), ("\u{00A0}NAME ", "NAME"), ("", ""),
    ("A B", "A B"), ("  ", ""),
  ])
  func blanksAroundAnArgumentAreTrimmed(_ argument: String, _ expected: String) {
    #expect(ShapeDecoder.trimmingBlanks(argument) == expected)
  }

  @Test func blanksAreFoundationsWhitespaces() {
    let whitespaces = CharacterSet.whitespaces
    for value in Array(UInt32(0)...0x3100) + [0xFEFF, 0xFFFF, 0x1_0000] {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(ShapeDecoder.isBlank(scalar) == whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
    }
  }

  @Test func anEnvNameWithBlanksAroundItIsFound() throws {
    let result = try loadFunction(
      "name: A\nhog: x\ninputs:\n  token: !env \"  TOKEN \"\n", environment: ["TOKEN": "t0k"])
    #expect(result.diagnostics.isEmpty)
    #expect(result.functions.first?.fields["inputs"]?["token"] == ["value": "t0k"])
  }
}
