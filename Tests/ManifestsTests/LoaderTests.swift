import Foundation
import HogctlJSON
import Testing

@testable import Manifests

struct LoaderTests {
  @Test func defaultsFillTheAPIDefaults() throws {
    let result = try loadFunction("name: Hook\nhog: return event\n")
    #expect(result.diagnostics.isEmpty)
    let function = try #require(result.functions.first)
    #expect(function.type == "destination")
    #expect(function.broadcast == .never)
    #expect(function.fields["description"] == "")
    #expect(function.fields["enabled"] == true)
    #expect(function.fields["filters"] == [:])
    #expect(function.fields["inputs"] == [:])
    #expect(function.fields["inputs_schema"] == [])
    #expect(function.fields["masking"] == .null)
    #expect(function.fields["mappings"] == .null)
    #expect(function.fields["icon_url"] == .null)
    #expect(function.fields["execution_order"] == nil)
    #expect(function.location == ManifestLocation(file: "function.yaml", line: 1, column: 1))
  }

  @Test func templateFilledFieldsAreLeftOutWithATemplate() throws {
    let result = try loadFunction("name: Slack\ntemplate_id: template-slack\ninputs:\n  channel: '#growth'\n")
    let function = try #require(result.functions.first)
    #expect(result.diagnostics.isEmpty)
    #expect(function.templateID == "template-slack")
    for field in ["hog", "inputs_schema", "icon_url", "description"] {
      #expect(function.fields[field] == nil, "\(field)")
    }
    #expect(function.fields["inputs"] == ["channel": ["value": "#growth"]])
    #expect(function.fields["enabled"] == true)
  }

  /// `inputs` are typed by the schema beside them wherever the schema is written.
  @Test(arguments: [
    "name: Hook\nhog: x\ninputs_schema:\n  - {key: code, type: string}\n  - {key: n, type: number}\ninputs:\n  code: 0123\n  n: !env N\n",
    "name: Hook\nhog: x\ninputs:\n  code: 0123\n  n: !env N\ninputs_schema:\n  - {key: code, type: string}\n  - {key: n, type: number}\n",
  ])
  func inputsAreTypedByTheirSchemaBeforeOrAfterThem(yaml: String) throws {
    let result = try loadFunction(yaml, environment: ["N": "42"])
    #expect(result.diagnostics.isEmpty)
    let function = try #require(result.functions.first)
    #expect(function.fields["inputs"] == ["code": ["value": "0123"], "n": ["value": 42]])
  }

  /// A file system may list in any order; the files are read, and reported, in path order.
  @Test func filesListedOutOfOrderAreReadInPathOrder() throws {
    struct ReversedListing: ManifestFileSystem {
      var files: InMemoryManifestFileSystem
      func listFiles() throws -> [String] { try files.listFiles().reversed() }
      func sizeOfFile(_ path: String) throws -> Int { try files.sizeOfFile(path) }
      func contentsOfFile(_ path: String) throws -> Data { try files.contentsOfFile(path) }
    }
    let texts = Dictionary(
      uniqueKeysWithValues: (0..<5).map { ("f\($0).yaml", "name: F\($0)\nhog: x\nbogus: 1\n") })
    let result = try ManifestLoader(
      fileSystem: ReversedListing(files: InMemoryManifestFileSystem(texts: texts)), environment: [:]
    ).load()
    let expected = (0..<5).map { "f\($0).yaml" }
    #expect(result.files == expected)
    #expect(result.functions.map(\.name) == (0..<5).map { "F\($0)" })
    #expect(result.diagnostics.compactMap(\.location?.file) == expected)
  }

  /// Paths in messages and in the location log count list items from 0, past one digit too.
  @Test func listPathsNameEveryIndex() throws {
    let items = (0..<12).map { "  - {key: k\($0), type: \($0 == 11 ? "strin" : "string")}" }
    let result = try loadFunction("name: A\nhog: x\ninputs_schema:\n" + items.joined(separator: "\n") + "\n")
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.message.hasPrefix("'inputs_schema[11].type' must be one of"))
    #expect(diagnostic.location == ManifestLocation(file: "function.yaml", line: 15, column: 22))
    let documents = YAMLDocumentReader(file: "f.yaml").read(
      text: "inputs_schema:\n" + items.joined(separator: "\n")
    )
    .documents
    var decoder = ShapeDecoder(
      tags: LocationIndexTests.tags(for: "f.yaml"),
      document: ManifestLocation(file: "f.yaml", line: 1, column: 1),
      recordsLocations: true)
    _ = decoder.decode(try #require(documents.first), as: .object(ManifestShapes.hogFunction))
    #expect(
      decoder.locations.value("inputs_schema[10].key")
        == ManifestLocation(file: "f.yaml", line: 12, column: 11))
    #expect(
      decoder.locations.value("inputs_schema[3]") == ManifestLocation(file: "f.yaml", line: 5, column: 5))
  }

  @Test func shorthandAndLongFormInputs() throws {
    let yaml = """
      name: Hook
      hog: return event
      inputs:
        workspace: 42
        headers: {Content-Type: application/json}
        body: !input {value: "{{ event.event }}", templating: liquid}
        flags: [1, true, null, x]

      """
    let function = try #require(try loadFunction(yaml).functions.first)
    #expect(
      function.fields["inputs"]
        == [
          "workspace": ["value": 42],
          "headers": ["value": ["Content-Type": "application/json"]],
          "body": ["value": "{{ event.event }}", "templating": "liquid"],
          "flags": ["value": [1, true, nil, "x"]],
        ])
  }

  @Test func envAndFileTags() throws {
    let result = try loadManifests(
      [
        "dest/hook.yaml":
          "name: Hook\nhog: !file code/hook.hog\ninputs_schema:\n  - {key: secret, type: string, secret: true}\ninputs:\n  secret: !env HOOK_SECRET\n",
        "dest/code/hook.hog": "fetch(inputs.url)\n\n",
      ], environment: ["HOOK_SECRET": "s3cr3t"])
    #expect(result.diagnostics.isEmpty)
    let function = try #require(result.functions.first)
    #expect(function.fields["hog"] == "fetch(inputs.url)\n")
    #expect(function.fields["inputs"] == ["secret": ["value": "s3cr3t"]])
    #expect(function.secretInputKeys == ["secret"])
  }

  @Test func unsetEnvIsAnErrorNamingTheVariableButNotItsValue() throws {
    let result = try loadFunction("name: Hook\nhog: x\ninputs:\n  token: !env TOKEN\n")
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.ruleID == "env-unset")
    #expect(diagnostic.message.contains("TOKEN"))
    #expect(diagnostic.message.contains("inputs.token"))
    #expect(diagnostic.position == "function.yaml:4:10")
  }

  @Test func messagesAndLocationsNameNestedValuesByTheirPath() throws {
    let yaml = """
      name: Paths
      hog: return event
      inputs_schema:
        - {key: url, type: string}
        - {key: mode, type: colour}
      inputs:
        url: https://example.com
      masking: {ttl: 5, hash: "{person_id}"}
      filters:
        events:
          - {id: $pageview, colour: red}
      mappings:
        - name: M
          inputs_schema:
            - {key: token, type: string, secret: true}
          inputs:
            token: !env MAPPING_TOKEN
            extra: 1

      """
    let result = try loadFunction(yaml)
    let found = result.diagnostics.map { "\($0.position) \($0.ruleID) \($0.message)" }
    let expected = [
      "function.yaml:5:23 invalid-enum 'inputs_schema[1].type' must be one of",
      "function.yaml:8:16 masking-ttl-range 'masking.ttl' must be between 60 and 86400, not 5",
      "function.yaml:11:23 unknown-field unknown field 'colour' in 'filters.events[0]'",
      "function.yaml:17:14 env-unset environment variable MAPPING_TOKEN is not set (used by 'mappings[0].inputs.token')",
      "function.yaml:18:7 unknown-input",
    ]
    #expect(found.count == expected.count, "\(found)")
    for (line, prefix) in zip(found, expected) {
      #expect(line.hasPrefix(prefix), "\(line)")
    }
  }

  @Test func skipEnvUsesAPlaceholderAndReportsNothing() throws {
    let result = try loadManifests(
      ["f.yaml": "name: Hook\nhog: x\ninputs:\n  token: !env TOKEN\n"],
      options: ManifestLoadOptions(skipEnvironment: true))
    #expect(result.diagnostics.isEmpty)
    #expect(result.unresolvedEnvironment == ["TOKEN"])
    let value = result.functions.first?.fields["inputs"]?["token"]?["value"]?.stringValue
    #expect(value?.contains("TOKEN") == true)
  }

  @Test func envValuesNeverAppearInDiagnostics() throws {
    let result = try loadFunction(
      "name: Hook\nhog: x\ninputs_schema:\n  - {key: n, type: number}\ninputs:\n  n: !env SECRET_NUMBER\n",
      environment: ["SECRET_NUMBER": "not-a-number-zq9"])
    #expect(result.diagnostics.map(\.ruleID) == ["input-type"])
    #expect(!result.diagnostics.contains { $0.message.contains("zq9") })
  }

  @Test func envTextBecomesANumberForNumberInputs() throws {
    let result = try loadFunction(
      "name: Hook\nhog: x\ninputs_schema:\n  - {key: n, type: number}\ninputs:\n  n: !env N\n",
      environment: ["N": "2.5"])
    #expect(result.diagnostics.isEmpty)
    #expect(result.functions.first?.fields["inputs"] == ["n": ["value": 2.5]])
  }

  @Test func filterDefaults() throws {
    let yaml = """
      name: Hook
      hog: x
      filters:
        events:
          - id: $signup
          - {id: $pageview, name: Page views}
        actions:
          - id: 123

      """
    let filters = try #require(try loadFunction(yaml).functions.first?.fields["filters"])
    #expect(
      filters
        == [
          "events": [
            ["id": "$signup", "name": "$signup", "type": "events", "order": 0],
            ["id": "$pageview", "name": "Page views", "type": "events", "order": 1],
          ],
          "actions": [["id": "123", "name": "123", "type": "actions", "order": 0]],
        ])
  }

  @Test(arguments: ["no", "on", "yes", "1.0", "0123", "off", "~x", "1e3", "true1"])
  func yaml11LookalikesStayTextWhereTextIsExpected(_ text: String) throws {
    let result = try loadFunction(
      "name: \(text)\ndescription: \(text)\nhog: x\nprevious_names: [\(text)]\ninputs_schema:\n  - {key: s, type: string}\ninputs:\n  s: \(text)\n"
    )
    #expect(result.diagnostics.isEmpty)
    let function = try #require(result.functions.first)
    #expect(function.name == text)
    #expect(function.fields["description"] == .string(text))
    #expect(function.previousNames == [text])
    #expect(function.fields["inputs"] == ["s": ["value": .string(text)]])
  }

  @Test func untypedInputValuesFollowYAML12Core() throws {
    let yaml =
      "name: A\nhog: x\ninputs:\n  a: yes\n  b: 0x1F\n  c: 1.5\n  d: ~\n  e: TRUE\n  f: '12'\n  g: 0123\n"
    let inputs = try #require(try loadFunction(yaml).functions.first?.fields["inputs"])
    #expect(
      inputs
        == [
          "a": ["value": "yes"], "b": ["value": 31], "c": ["value": 1.5], "d": ["value": nil],
          "e": ["value": true], "f": ["value": "12"], "g": ["value": 123],
        ])
  }

  @Test(arguments: ["yes", "no", "on", "off", "True", "1", "\"true\""])
  func onlyTrueAndFalseAreBooleans(_ text: String) throws {
    let result = try loadFunction("name: A\nhog: x\nenabled: \(text)\n")
    #expect(result.diagnostics.map(\.ruleID) == ["invalid-boolean"])
    #expect(result.diagnostics.first?.position == "function.yaml:3:10")
  }

  @Test func multipleDocumentsAreMultipleFunctions() throws {
    let result = try loadFunction("name: A\nhog: x\n---\nname: B\nhog: y\n---\n")
    #expect(result.functions.map(\.name) == ["A", "B"])
    #expect(result.functions.map(\.location.line) == [1, 4])
  }

  @Test func settingsPrecedenceIsFlagThenEnvironmentThenFile() throws {
    let files = [
      "hogctl.yaml": "version: 1\nproject:\n  host: https://file.example\n  id: '1'\n  api_path: projects\n",
      "f.yaml": "name: A\nhog: x\n",
    ]
    let fromFile = try loadManifests(files).settings
    #expect(fromFile.host == "https://file.example")
    #expect(fromFile.projectID == "1")
    #expect(fromFile.apiPath == .projects)
    let environment = ["POSTHOG_HOST": "https://env.example", "POSTHOG_PROJECT_ID": "2"]
    let fromEnvironment = try loadManifests(files, environment: environment).settings
    #expect(fromEnvironment.host == "https://env.example")
    #expect(fromEnvironment.projectID == "2")
    let fromFlags = try loadManifests(
      files, environment: environment,
      options: ManifestLoadOptions(overrides: SettingsOverrides(host: "https://flag.example", projectID: "3"))
    ).settings
    #expect(fromFlags.host == "https://flag.example")
    #expect(fromFlags.projectID == "3")
    let defaults = try loadManifests(["f.yaml": "name: A\nhog: x\n"]).settings
    #expect(defaults == ProjectSettings())
  }

  @Test func settingsFileIsReadIntoProjectSettings() throws {
    let yaml = """
      version: 1
      manage: {types: [transformation], prune: true, ignore: ["Legacy *"]}
      safety: {max_delete_percent: 30, max_update_percent: 50.5}
      order:
        transformation: [A]

      """
    let result = try loadManifests(["hogctl.yaml": yaml, "a.yaml": "name: A\ntype: transformation\nhog: x\n"])
    #expect(result.diagnostics.isEmpty)
    let settings = result.settings
    #expect(settings.manageTypes == ["transformation"])
    #expect(settings.prune)
    #expect(settings.ignore == ["Legacy *"])
    #expect(settings.maxDeletePercent == 30)
    #expect(settings.maxUpdatePercent == 50.5)
    #expect(settings.order == ["transformation": ["A"]])
  }

  @Test func discoverySkipsHiddenAndNonYAMLFiles() throws {
    let result = try loadManifests([
      "a.yml": "name: A\nhog: x\n", ".hidden/b.yaml": "name: B\nhog: x\n", ".c.yaml": "name: C\nhog: x\n",
      "notes.txt": "name: D", "deep/er/e.yaml": "name: E\nhog: x\n",
    ])
    #expect(result.functions.map(\.name).sorted() == ["A", "E"])
    #expect(result.files == ["a.yml", "deep/er/e.yaml"])
  }

  @Test func mergeKeysAndAliasesAreExpanded() throws {
    let yaml = """
      name: A
      hog: x
      filters: &f
        filter_test_accounts: true
      mappings:
        - name: one
          filters: *f
        - <<: {name: two}
          filters: {filter_test_accounts: false}

      """
    let function = try #require(try loadFunction(yaml).functions.first)
    #expect(function.fields["mappings"]?.arrayValue?.first?["filters"] == ["filter_test_accounts": true])
    #expect(function.fields["mappings"]?.arrayValue?[1]["name"] == "two")
  }

  @Test func diagnosticsUseTheDisplayPrefix() throws {
    let result = try loadManifests(
      ["a.yaml": "name: A\nhog: !file missing.hog\n"], options: ManifestLoadOptions(displayPrefix: "dir/"))
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.position == "dir/a.yaml:2:6")
    #expect(diagnostic.message.contains("dir/missing.hog"))
    #expect(result.sources["dir/a.yaml"] != nil)
  }

  @Test func everyProblemIsReportedAtOnce() throws {
    let result = try loadFunction("nmae: A\nenabled: yes\ntype: nope\nbroadcast: sometimes\n")
    #expect(
      Set(result.diagnostics.map(\.ruleID))
        == ["unknown-field", "invalid-boolean", "invalid-enum", "required-field"])
    #expect(
      result.diagnostics.first { $0.ruleID == "unknown-field" }?.message.contains("did you mean 'name'")
        == true)
  }
}

struct DocumentShapeTests {
  @Test func commentOnlyAndEmptyFilesDeclareNothing() throws {
    let result = try loadManifests(["a.yaml": "# yaml-language-server: $schema=x.json\n", "b.yaml": ""])
    #expect(result.diagnostics.isEmpty)
    #expect(result.functions.isEmpty)
    #expect(result.files == ["a.yaml", "b.yaml"])
  }

  @Test func aDocumentMustBeAMapping() throws {
    let result = try loadFunction("- name: A\n")
    #expect(result.diagnostics.map(\.ruleID) == ["wrong-type"])
    #expect(result.diagnostics.first?.message.hasPrefix("a manifest document must be a mapping") == true)
  }

  @Test func deletedFunctionsNeedNoHog() throws {
    let result = try loadFunction("name: Old\ndeleted: true\n")
    #expect(result.diagnostics.isEmpty)
    #expect(result.functions.first?.deleted == true)
  }

  @Test func sameTextKeysWithDifferentTagsAreDuplicates() throws {
    let result = try loadFunction("name: A\nhog: x\ninputs:\n  1: a\n  \"1\": b\n")
    #expect(result.diagnostics.map(\.position) == ["function.yaml:5:3"])
    #expect(result.diagnostics.map(\.ruleID) == ["duplicate-key"])
  }
}

struct CascadeTests {
  @Test func anUnreadableTagIsReportedOnce() throws {
    let yaml = """
      name: A
      hog: !file missing.hog
      inputs_schema:
        - {key: token, type: string, required: true, secret: true}
        - {key: n, type: number, required: true}
      inputs:
        token: !env TOKEN
        n: !file n.txt

      """
    let result = try loadFunction(yaml)
    #expect(result.diagnostics.map(\.ruleID) == ["file-not-found", "env-unset", "file-not-found"])
  }
}

struct SettingsFileTests {
  @Test func aSecondSettingsDocumentIsAnError() throws {
    let result = try loadManifests(["hogctl.yaml": "version: 1\n---\nversion: 1\n"])
    #expect(result.diagnostics.map(\.ruleID) == ["wrong-type"])
    #expect(result.diagnostics.map(\.position) == ["hogctl.yaml:3:1"])
  }
}
