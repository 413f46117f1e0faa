import Testing

@testable import Emulator

@Suite struct TemplateFillTests {
  @Test func aTemplateFillsMissingFields() throws {
    let record = try rules.validateCreate(
      json(#"{"template_id": "template-webhook", "inputs": {"url": {"value": "https://example.com/hook"}}}"#))
    let template = try #require(TemplateCatalog().get("template-webhook"))
    #expect(record["hog"] == template["code"])
    #expect(record["name"] == "HTTP Webhook")
    #expect(record["description"] == template["description"])
    #expect(record["icon_url"] == template["icon_url"])
    #expect(record["inputs_schema"]?.arrayValue?.count == 5)
    #expect(record["template_id"] == "template-webhook")
    // Required inputs with a default take it; optional ones stay unset.
    #expect(record["inputs"]?["url"]?["value"] == "https://example.com/hook")
    #expect(record["inputs"]?["method"] == nil)
  }

  @Test func sentFieldsWinOverTheTemplate() throws {
    let record = try rules.validateCreate(
      json(
        #"{"template_id": "template-drop-events", "type": "transformation", "name": "Drop bots", "hog": "return null"}"#
      ))
    #expect(record["name"] == "Drop bots")
    #expect(record["hog"] == "return null")
    #expect(record["description"] == "Discard the events that match the filters.")
  }

  @Test func anUnknownTemplateIsRefused() {
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "No template found for id 'template-nope'", "attr": "template_id"}"#
    ) {
      _ = try rules.validateCreate(json(#"{"template_id": "template-nope", "name": "x", "hog": "return 1"}"#))
    }
  }

  @Test func templateIDIsIgnoredOnUpdate() throws {
    let stored = try rules.validateCreate(createBody())
    let updated = try rules.validateUpdate(json(#"{"template_id": "template-nope"}"#), existing: stored)
    #expect(updated["template_id"] == nil)
    #expect(updated["hog"] == stored["hog"])
  }
}
