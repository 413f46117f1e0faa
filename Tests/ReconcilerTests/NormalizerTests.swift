import HogctlCore
import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler
import Testing

@Suite struct NormalizerTests {
  /// The manifest that created the live function below.
  static let webhookManifest = Fixtures.desired(
    "Webhook – signups",
    fields: """
      {"description": "Posts signups", "enabled": true,
       "hog": "let res := fetch(inputs.url, {'method': inputs.method})\\nprint(res.status)\\n",
       "icon_url": "/static/services/webhook.png",
       "inputs_schema": [
         {"type": "string", "key": "url", "label": "URL", "required": true},
         {"type": "choice", "key": "method", "default": "POST",
          "choices": [{"label": "POST", "value": "POST"}]},
         {"type": "string", "key": "greeting", "templating": "liquid"},
         {"type": "string", "key": "token", "secret": true, "templating": false}
       ],
       "inputs": {"url": "https://example.com/hook", "greeting": {"value": "Hi {{ person.name }}"},
                  "token": {"value": "s3cr3t-token-value"}},
       "filters": {"events": [{"id": "$signup"}],
                   "properties": [{"key": "$host", "value": "app.example.com", "operator": "exact", "type": "event"}]},
       "masking": {"ttl": 3600, "hash": "{person.id}"},
       "mappings": null, "execution_order": null}
      """)

  /// What PostHog returns for it: compiled forms, copied templating, input orders, schema flag
  /// defaults, the default method filled, the secret as a marker, `filters.source`, trailing
  /// white space stripped from `hog`.
  static let webhookLive = Fixtures.live(
    """
    {"id": "0193b5a4-0000-7000-8000-000000000001", "type": "destination", "name": "Webhook – signups",
     "description": "Posts signups", "enabled": true,
     "hog": "let res := fetch(inputs.url, {'method': inputs.method})\\nprint(res.status)",
     "bytecode": ["_H", 1, 32, "url", 32, "inputs", 1, 2], "transpiled": null,
     "icon_url": "/static/services/webhook.png",
     "inputs_schema": [
       {"type": "string", "key": "url", "label": "URL", "required": true, "secret": false, "hidden": false},
       {"type": "choice", "key": "method", "default": "POST", "required": false, "secret": false,
        "hidden": false, "choices": [{"label": "POST", "value": "POST"}]},
       {"type": "string", "key": "greeting", "templating": "liquid", "required": false, "secret": false, "hidden": false},
       {"type": "string", "key": "token", "secret": true, "templating": false, "required": false, "hidden": false}
     ],
     "inputs": {
       "url": {"value": "https://example.com/hook", "templating": "hog", "bytecode": ["_H", 1, 32, "https://example.com/hook"], "order": 0},
       "method": {"value": "POST", "templating": "hog", "bytecode": ["_H", 1, 32, "POST"], "order": 1},
       "greeting": {"value": "Hi {{ person.name }}", "templating": "liquid", "order": 2},
       "token": {"secret": true}
     },
     "filters": {"source": "events",
                 "events": [{"id": "$signup", "name": "$signup", "type": "events", "order": 0}],
                 "properties": [{"key": "$host", "value": "app.example.com", "operator": "exact", "type": "event"}],
                 "bytecode": ["_H", 1, 32, "$signup"]},
     "masking": {"ttl": 3600, "hash": "{person.id}", "threshold": null, "bytecode": ["_H", 1, 32]},
     "mappings": null, "template": null, "execution_order": null,
     "status": {"state": 1, "tokens": 10000},
     "created_at": "2025-01-01T10:00:00Z", "updated_at": "2025-01-03T10:00:00Z",
     "created_by": {"id": 1, "uuid": "u", "distinct_id": "d", "first_name": "Ada", "last_name": "",
                    "email": "ada@example.com", "is_email_verified": true, "hedgehog_config": null,
                    "role_at_organization": null}}
    """)

  @Test func serverDerivedDataPlansAsNoChange() throws {
    let plan = try Planner.plan(
      desired: [Self.webhookManifest], settings: ProjectSettings(), live: [Self.webhookLive])
    #expect(plan.actions.isEmpty)
    #expect(plan.unchanged == ["Webhook – signups"])
  }

  @Test func aChangedInputIsTheOnlyChangeAndThePatchCarriesTheWholeInputsMap() throws {
    var manifest = Self.webhookManifest
    manifest.fields["inputs"]?["url"] = "https://example.com/other"
    let plan = try Planner.plan(desired: [manifest], settings: ProjectSettings(), live: [Self.webhookLive])
    let update = try #require(plan.actions.first)
    #expect(plan.actions.count == 1)
    #expect(update.kind == .update)
    #expect(
      update.changes == [
        FieldChange(
          path: "inputs.url", before: .value("https://example.com/hook"),
          after: .value("https://example.com/other"))
      ])
    #expect(update.body?.keys.sorted() == ["inputs"])
    #expect(update.body?["inputs"]?["token"] == ["secret": true])
    #expect(update.body?["inputs"]?["url"] == ["value": "https://example.com/other"])
    #expect(update.body?["inputs"]?["greeting"] == ["value": "Hi {{ person.name }}"])
    #expect(update.secretInputs.isEmpty)
  }

  @Test func shorthandAndLongFormInputsCompareEqual() {
    let schema = InputSchema([["type": "string", "key": "a"]])
    let short = Normalizer.inputs(["a": 42], schema: schema)
    let long = Normalizer.inputs(
      ["a": ["value": 42, "templating": "hog", "order": 0, "bytecode": [1]]], schema: schema)
    #expect(short == long)
    #expect(short == ["a": ["value": 42]])
  }

  @Test func templatingDifferentFromTheSchemaIsKept() {
    let schema = InputSchema([["type": "string", "key": "a"]])
    let liquid = Normalizer.inputs(["a": ["value": "x", "templating": "liquid"]], schema: schema)
    #expect(liquid == ["a": ["value": "x", "templating": "liquid"]])
  }

  @Test func schemaDefaultsFillAbsentInputsOnBothSides() {
    let schema = InputSchema([["type": "string", "key": "icon_emoji", "default": ":hedgehog:"]])
    let absent = Normalizer.inputs([:], schema: schema)
    let filled = Normalizer.inputs(["icon_emoji": ["value": ":hedgehog:", "order": 3]], schema: schema)
    let empty = Normalizer.inputs(["icon_emoji": ["value": ""]], schema: schema)
    #expect(absent == filled)
    #expect(absent == empty)
    #expect(absent == ["icon_emoji": ["value": ":hedgehog:"]])
  }

  @Test func keysOutsideTheSchemaAreDroppedAsTheServerDoes() {
    let schema = InputSchema([["type": "string", "key": "a"]])
    #expect(Normalizer.inputs(["a": 1, "stray": 2], schema: schema) == ["a": ["value": 1]])
    #expect(Normalizer.inputs(["stray": 2], schema: InputSchema(nil)) == ["stray": ["value": 2]])
  }

  @Test func filtersDefaultsAndServerFieldsAreIgnored() {
    let desired = Normalizer.filters(["events": [["id": "$pageview"]], "actions": [["id": "12"]]])
    let live = Normalizer.filters([
      "source": "events", "bytecode": ["_H"], "bytecode_error": nil, "filter_test_accounts": false,
      "events": [["id": "$pageview", "name": "$pageview", "type": "events", "order": 0, "properties": []]],
      "actions": [["id": "12", "name": "12", "type": "actions", "order": 0]], "properties": [],
    ])
    #expect(desired == live)
    #expect(Normalizer.filters(nil) == [:])
    #expect(Normalizer.filters(["source": "person-updates"]) == ["source": "person-updates"])
    #expect(
      Normalizer.filters(["events": [["id": "a"], ["id": "b"]]])
        != Normalizer.filters(["events": [["id": "b"], ["id": "a"]]]))
  }

  @Test func anActionNamedByPostHogIsNoChangeWhenTheManifestGaveNoName() throws {
    var live = Fixtures.minimalLive(id: "f1", name: "A")
    live.raw["filters"] = [
      "source": "events", "actions": [["id": "12", "name": "Signed up", "type": "actions", "order": 0]],
    ]
    var desired = Fixtures.minimalDesired("A")
    desired.fields["filters"] = ["actions": [["id": "12"]]]
    #expect(try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [live]).actions.isEmpty)
    desired.fields["filters"] = ["actions": [["id": "12", "name": "Renamed"]]]
    #expect(
      try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [live]).actions.count == 1)
  }

  @Test func hogComparesModuloSurroundingAndTrailingWhiteSpace() {
    #expect(Normalizer.hog("\nreturn event  \n\n") == Normalizer.hog("return event"))
    #expect(Normalizer.hog("a  \nb") == "a\nb")
    #expect(Normalizer.hog("a\n  b") != Normalizer.hog("a\nb"))
  }

  /// The rule as first written, character by character: the byte-level fast path must agree.
  static func referenceHog(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      String(line.reversed().drop(while: \.isWhitespace).reversed())
    }
    var trimmed = lines.joined(separator: "\n")
    while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
    while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
    return trimmed
  }

  @Test func hogNormalisationAgreesWithTheCharacterRuleOnRandomText() {
    let pieces = ["a", "}", " ", "\n", "\n", "\t", "\r\n", "\u{A0}", "é", "e\u{301}", "\u{2028}", "😀"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5000 {
      let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }
      .joined()
      #expect(Normalizer.hog(text) == Self.referenceHog(text), "\(text.debugDescription)")
    }
  }

  @Test func sameHogAgreesWithComparingNormalisedText() {
    let pieces = ["a", "}", " ", "\n", "\n", "\t", "\r\n", "é", "e\u{301}", "😀"]
    var generator = SystemRandomNumberGenerator()
    func text() -> String {
      (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
        .joined()
    }
    var equalPairs = 0
    for _ in 0..<5000 {
      let left = text()
      // Half the pairs share their code, so equal pairs are common, as in a plan.
      let right =
        Bool.random(using: &generator) ? left + String(repeating: "\n", count: Int.random(in: 0...2)) : text()
      let expected = Normalizer.hog(left) == Normalizer.hog(right)
      if expected { equalPairs += 1 }
      #expect(
        Normalizer.sameHog(left, right) == expected, "\(left.debugDescription) \(right.debugDescription)")
    }
    #expect(Normalizer.sameHog("aé}\n", "ae\u{301}}"))
    #expect(equalPairs > 1000)
  }

  @Test func schemaFlagsDefaultToFalse() {
    let normalized = Normalizer.inputsSchema([["type": "string", "key": "a"]])
    #expect(
      normalized == [["type": "string", "key": "a", "required": false, "secret": false, "hidden": false]])
  }

  @Test func enabledAcceptsStringsAndDefaultsToTrue() {
    #expect(Normalizer.field("enabled", "false") == false)
    #expect(Normalizer.field("enabled", nil) == true)
  }

  @Test func maskingAndMappingsDropServerFields() {
    #expect(
      Normalizer.masking(["ttl": 60, "hash": "{person.id}", "bytecode": [1], "threshold": nil]) == [
        "ttl": 60, "hash": "{person.id}",
      ])
    #expect(Normalizer.mappings([]) == .null)
    let mapping = Normalizer.mappings([
      [
        "name": "m", "inputs_schema": [["type": "string", "key": "u"]],
        "inputs": ["u": ["value": "x", "order": 0, "bytecode": [1]]],
        "filters": ["source": "events", "bytecode": [2]],
      ]
    ])
    #expect(
      mapping == [
        [
          "name": "m",
          "inputs_schema": [
            ["type": "string", "key": "u", "required": false, "secret": false, "hidden": false]
          ],
          "inputs": ["u": ["value": "x"]], "filters": [:],
        ]
      ])
  }

  @Test func templateFilledFieldsLeftOutAreNotDiffed() throws {
    let live = Fixtures.live(
      """
      {"id": "f1", "type": "destination", "name": "Slack", "description": "Sends a Slack message",
       "enabled": true, "hog": "let x := 1", "icon_url": "/static/services/slack.png",
       "inputs_schema": [{"type": "string", "key": "text", "required": false, "secret": false, "hidden": false}],
       "inputs": {"text": {"value": "hello", "templating": "hog", "order": 0}},
       "filters": {"source": "events"}, "masking": null, "mappings": null}
      """)
    var desired = Fixtures.desired(
      "Slack",
      fields:
        #"{"enabled": true, "inputs": {"text": "hello"}, "filters": {}, "masking": null, "mappings": null}"#
    ) { $0.templateID = "template-slack" }
    #expect(try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [live]).actions.isEmpty)
    desired.fields["hog"] = "let x := 2"
    let plan = try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [live])
    #expect(plan.actions.first?.changes.map(\.path) == ["hog"])
  }

  @Test func ignoreChangesHidesThoseFields() throws {
    var live = Fixtures.minimalLive(id: "f1", name: "A")
    live.raw["enabled"] = false
    var desired = Fixtures.minimalDesired("A")
    #expect(
      try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [live]).actions.count == 1)
    desired.ignoreChanges = ["enabled"]
    #expect(try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [live]).actions.isEmpty)
  }

  @Test func anIgnoredInputKeepsItsLiveValueInThePatch() throws {
    let schema = #"[{"type": "string", "key": "a"}, {"type": "string", "key": "b"}]"#
    var live = Fixtures.minimalLive(id: "f1", name: "A")
    live.raw["inputs_schema"] = try JSONValue.parse(schema)
    live.raw["inputs"] = ["a": ["value": "live-a", "order": 0], "b": ["value": "old-b", "order": 1]]
    var desired = Fixtures.minimalDesired("A")
    desired.fields["inputs_schema"] = try JSONValue.parse(schema)
    desired.fields["inputs"] = ["a": "manifest-a", "b": "new-b"]
    desired.ignoreChanges = ["inputs.a"]
    let plan = try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [live])
    let update = try #require(plan.actions.first)
    #expect(update.changes.map(\.path) == ["inputs.b"])
    #expect(update.body?["inputs"] == ["a": ["value": "live-a"], "b": ["value": "new-b"]])
  }

  @Test func fieldsLeftOutMeanTheAPIDefaults() throws {
    var live = Fixtures.minimalLive(id: "f1", name: "A")
    live.raw["description"] = "set in the UI"
    var desired = Fixtures.minimalDesired("A")
    desired.fields["description"] = nil
    let plan = try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [live])
    let update = try #require(plan.actions.first)
    #expect(
      update.changes == [FieldChange(path: "description", before: .value("set in the UI"), after: .value(""))]
    )
    #expect(update.body == ["description": ""])
  }

  /// The merge in `managedFields` against its definition in sets: the manifest's fields plus the
  /// defaults, less template-filled fields it leaves out, `ignore_changes`, server-derived fields,
  /// `name`, `type` and a transformation's `execution_order`, sorted.
  @Test func managedFieldsMatchTheirDefinitionInSets() {
    let candidates = [
      "description", "enabled", "execution_order", "filters", "hog", "icon_url", "id", "inputs",
      "inputs_schema", "mappings", "masking", "name", "template_id", "type", "zz_extra", "a_extra",
    ]
    var generator = SeededGenerator(seed: 11)
    for _ in 0..<500 {
      var fields: JSONObject = [:]
      for field in candidates where Bool.random(using: &generator) { fields[field] = true }
      let type = ["destination", "transformation"].randomElement(using: &generator)!
      var function = Fixtures.desired("F", type: type)
      function.fields = fields
      function.templateID = Bool.random(using: &generator) ? "template-webhook" : nil
      function.ignoreChanges = candidates.filter { _ in Int.random(in: 0..<6, using: &generator) == 0 }
      var expected = Set(fields.keys).union(Normalizer.manifestDefaults.keys)
      if function.templateID != nil {
        expected.subtract(Normalizer.templateFilledFields.subtracting(fields.keys))
      }
      expected.subtract(function.ignoreChanges)
      expected.subtract(Normalizer.serverDerivedFields)
      expected.subtract(["name", "type"])
      if type == "transformation" { expected.remove("execution_order") }
      #expect(
        Normalizer.managedFields(of: function) == expected.sorted(),
        "\(fields.keys) \(function.ignoreChanges)")
    }
  }

  /// The member-by-member comparison in `sameInputsSchema` against comparing the normalised
  /// schemas, on random pairs of schemas that differ in flags (missing, null, true, false),
  /// other members and items.
  @Test func sameInputsSchemaAgreesWithComparingNormalisedSchemas() {
    var generator = SeededGenerator(seed: 5)
    let flagValues: [JSONValue?] = [nil, .null, true, false]
    func randomItem() -> JSONValue {
      var item: JSONObject = ["key": .string(["url", "token"].randomElement(using: &generator)!)]
      for flag in ["required", "secret", "hidden"] {
        if let value = flagValues.randomElement(using: &generator)! { item[flag] = value }
      }
      if Bool.random(using: &generator) {
        item["type"] = .string(["string", "json"].randomElement(using: &generator)!)
      }
      if Int.random(in: 0..<4, using: &generator) == 0 { item["default"] = .null }
      return Int.random(in: 0..<20, using: &generator) == 0 ? "not an object" : .object(item)
    }
    func randomSchema() -> JSONValue? {
      switch Int.random(in: 0..<12, using: &generator) {
      case 0: return nil
      case 1: return .null
      default: return .array((0..<Int.random(in: 0...2, using: &generator)).map { _ in randomItem() })
      }
    }
    var equalPairs = 0
    for _ in 0..<3000 {
      let (left, right) = (randomSchema(), randomSchema())
      let expected = Normalizer.field("inputs_schema", left) == Normalizer.field("inputs_schema", right)
      if expected { equalPairs += 1 }
      #expect(
        Normalizer.sameInputsSchema(left, right) == expected,
        "\(String(describing: left)) \(String(describing: right))")
    }
    // Both answers were exercised.
    #expect(equalPairs > 100 && equalPairs < 2900, "\(equalPairs)")
  }

  /// `sameInputs` against comparing what `inputs` builds, on random pairs of input maps that
  /// differ in shorthand and long forms, server members, templating, empty values and secrets,
  /// under random schemas (unknown, defaults, templating flags) and excluded keys.
  @Test func sameInputsAgreesWithComparingNormalisedInputs() {
    var generator = SeededGenerator(seed: 11)
    let keys = ["url", "token", "method"]
    let values: [JSONValue] = ["", "x", "POST", .null, 3, ["a": 1]]
    let templatings: [JSONValue?] = [nil, .null, "hog", "liquid", false]
    func pick<T>(_ items: [T]) -> T { items.randomElement(using: &generator)! }
    func randomInput() -> JSONValue {
      switch Int.random(in: 0..<4, using: &generator) {
      case 0: return pick(values)
      case 1: return ["secret": true]
      case 2: return ["other": 1]
      default:
        var input: JSONObject = [:]
        if Int.random(in: 0..<5, using: &generator) > 0 { input["value"] = pick(values) }
        if let templating = pick(templatings) { input["templating"] = templating }
        if Bool.random(using: &generator) { input["bytecode"] = ["_H", 1] }
        if Bool.random(using: &generator) { input["order"] = 0 }
        return .object(input)
      }
    }
    func randomInputs() -> JSONValue? {
      if Int.random(in: 0..<10, using: &generator) == 0 { return nil }
      var inputs: JSONObject = [:]
      for key in keys where Bool.random(using: &generator) { inputs[key] = randomInput() }
      return .object(inputs)
    }
    func randomSchema() -> InputSchema {
      if Int.random(in: 0..<6, using: &generator) == 0 { return InputSchema(nil) }
      let items: [JSONValue] = keys.filter { _ in Int.random(in: 0..<4, using: &generator) > 0 }.map { key in
        var item: JSONObject = ["key": .string(key), "type": "string"]
        if Bool.random(using: &generator) { item["default"] = pick(values) }
        if let templating = pick(templatings) { item["templating"] = templating }
        return .object(item)
      }
      return InputSchema(.array(items))
    }
    var equalPairs = 0
    for _ in 0..<5000 {
      let schema = randomSchema()
      let excluded = Set(keys.filter { _ in Int.random(in: 0..<5, using: &generator) == 0 })
      let desired = randomInputs()
      // Half the pairs start equal and get one edit, so equal answers are common too.
      var live = Bool.random(using: &generator) ? desired : randomInputs()
      if Bool.random(using: &generator), var object = live?.objectValue {
        object[pick(keys)] = randomInput()
        live = .object(object)
      }
      let expected =
        Normalizer.inputs(desired, schema: schema, excluding: excluded)
        == Normalizer.inputs(live, schema: schema, excluding: excluded)
      if expected { equalPairs += 1 }
      #expect(
        Normalizer.sameInputs(desired, live, schema: schema, excluding: excluded) == expected,
        "\(String(describing: desired)) \(String(describing: live)) \(schema.items) \(excluded)")
    }
    #expect(equalPairs > 500 && equalPairs < 4500, "\(equalPairs)")
  }
}
