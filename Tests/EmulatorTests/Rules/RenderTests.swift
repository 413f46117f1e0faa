import HogctlJSON
import Testing

@testable import Emulator

@Suite struct RenderTests {
  @Test func writeOnlyFieldsAreHiddenAndTheTemplateResolved() throws {
    let record = try rules.validateCreate(
      json(#"{"template_id": "template-webhook", "inputs": {"url": {"value": "https://x"}}}"#))
    let rendered = rules.render(record, full: true)
    #expect(rendered["template_id"] == nil)
    #expect(rendered["template"] == TemplateCatalog().get("template-webhook"))
    #expect(rules.render(try rules.validateCreate(createBody()), full: true)["template"] == .null)
  }

  @Test func theShortFormDropsDetailFields() throws {
    let record = try rules.validateCreate(createBody(#"{"masking": {"ttl": 60, "hash": "x"}}"#))
    let short = rules.render(record, full: false)
    for field in ["inputs", "inputs_schema", "mappings", "masking"] { #expect(short[field] == nil) }
    for field in ["id", "name", "hog", "filters", "enabled"] where record[field] != nil {
      #expect(short[field] != nil)
    }
    let full = rules.render(record, full: true)
    for field in ["inputs", "inputs_schema", "mappings", "masking"] { #expect(full[field] != nil) }
  }

  @Test func storedSchemasWithoutFlagsAreFilled() {
    let stored: JSONObject = json(
      #"{"type": "destination", "name": "seeded", "hog": "x", "inputs_schema": [{"key": "a", "type": "string"}], "inputs": {}}"#
    )
    let schema = rules.render(stored, full: true)["inputs_schema"]
    #expect(
      schema
        == jsonValue(
          #"[{"key": "a", "type": "string", "required": false, "secret": false, "hidden": false}]"#))
  }

  @Test func mappingSecretsAreHiddenToo() throws {
    let record = try rules.validateCreate(
      createBody(
        #"{"mappings": [{"inputs_schema": [{"key": "k", "type": "string", "secret": true}], "inputs": {"k": {"value": "hidden-value"}}}]}"#
      ))
    let rendered = JSONValue.object(rules.render(record, full: true))
    #expect(rendered["mappings"]?.arrayValue?.first?["inputs"]?["k"] == ["secret": true])
    #expect(!rendered.serialized().contains("hidden-value"))
  }
}
