import Testing

@testable import Importer

@Suite struct SettingsFileTests {
  static let existing = """
    # yaml-language-server: $schema=../schemas/hogctl.schema.json
    version: 1
    project: {host: https://eu.posthog.com, id: "0123"}
    manage:
      types: [destination]
      prune: false
      ignore: ["Legacy *"]
    safety: {max_delete_percent: 30}

    """

  /// The other settings keep their values (and quoting); collections are rewritten as blocks.
  @Test func mergingKeepsTheRestOfTheFile() throws {
    let file = try SettingsFile(text: Self.existing)
    #expect(file.manageTypes == ["destination"])
    #expect(file.ignore == ["Legacy *"])
    let merged = try file.rendered(
      types: ["destination", "transformation"], order: ["B", "A"], project: [], schemas: "schemas")
    #expect(
      merged == """
        # yaml-language-server: $schema=../schemas/hogctl.schema.json
        version: 1
        project:
          host: https://eu.posthog.com
          id: "0123"
        manage:
          types: [destination, transformation]
          prune: false
          ignore:
          - "Legacy *"
        safety:
          max_delete_percent: 30
        order:
          transformation:
          - B
          - A

        """)
    let again = try SettingsFile(text: merged)
    #expect(again.transformationOrder == ["B", "A"])
    #expect(
      try again.rendered(
        types: ["destination", "transformation"], order: ["B", "A"], project: [], schemas: "x")
        == merged)
  }

  @Test func unchangedSettingsKeepTheirText() throws {
    let file = try SettingsFile(text: Self.existing)
    #expect(
      try file.rendered(types: ["destination"], order: [], project: [], schemas: "schemas") == Self.existing)
  }

  @Test func aNewFileNamesTheProject() throws {
    let text = try SettingsFile(text: nil).rendered(
      types: ["transformation"], order: ["Geo"], project: [("id", .text("12345"))], schemas: "schemas")
    #expect(text.hasPrefix("# yaml-language-server: $schema=schemas/hogctl.schema.json\nversion: 1\n"))
    #expect(text.contains("project:\n  id: \"12345\"\n"))
  }
}
