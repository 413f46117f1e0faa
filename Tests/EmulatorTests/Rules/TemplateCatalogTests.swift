import HogctlJSON
import Testing

@testable import Emulator

@Suite struct TemplateCatalogTests {
  let catalog = TemplateCatalog()

  func schema(_ id: String) -> JSONObject {
    var byKey: JSONObject = [:]
    for item in catalog.get(id)?["inputs_schema"]?.arrayValue ?? [] {
      byKey[item["key"]!.stringValue!] = item
    }
    return byKey
  }

  @Test func everyTemplateHasTheFullShape() {
    let keys: Set<String> = [
      "id", "name", "description", "code", "code_language", "inputs_schema", "type", "status", "category",
      "free",
      "icon_url", "filters", "masking", "mapping_templates",
    ]
    for template in catalog.templates {
      #expect(Set(template.objectValue?.keys.map { $0 } ?? []) == keys)
      #expect(!HogSourceCheck.hasErrors(template["code"]?.stringValue ?? "("))
    }
  }

  @Test func webhookSchema() {
    let schema = schema("template-webhook")
    #expect(schema["url"]?["type"] == "string")
    #expect(schema["url"]?["required"] == true)
    #expect(schema["method"]?["type"] == "choice")
    #expect(schema["method"]?["default"] == "POST")
    #expect(
      schema["method"]?["choices"]?.arrayValue?.compactMap { $0["value"]?.stringValue } == [
        "POST", "PUT", "PATCH", "GET", "DELETE",
      ])
    #expect(schema["body"]?["type"] == "json")
    #expect(schema["body"]?["default"] == jsonValue(#"{"event": "{event}", "person": "{person}"}"#))
    #expect(schema["headers"]?["type"] == "dictionary")
    #expect(schema["headers"]?["default"] == jsonValue(#"{"Content-Type": "application/json"}"#))
    #expect(schema["debug"]?["type"] == "boolean")
    #expect(schema["debug"]?["default"] == false)
  }

  @Test func slackSchema() {
    let schema = schema("template-slack")
    #expect(schema["slack_workspace"]?["type"] == "integration")
    #expect(schema["slack_workspace"]?["integration"] == "slack")
    #expect(schema["slack_workspace"]?["required"] == true)
    #expect(schema["channel"]?["type"] == "integration_field")
    #expect(schema["channel"]?["integration_key"] == "slack_workspace")
    #expect(schema["channel"]?["integration_field"] == "slack_channel")
    #expect(schema["channel"]?["required"] == true)
    #expect(schema["icon_emoji"]?["default"] == ":hedgehog:")
    #expect(schema["username"]?["default"] == "PostHog")
    #expect(schema["blocks"]?["type"] == "json")
    #expect(schema["text"]?["type"] == "string")
  }

  @Test func dropEventsIsATransformationWithoutInputs() {
    let template = catalog.get("template-drop-events")
    #expect(template?["type"] == "transformation")
    #expect(template?["inputs_schema"] == [])
    #expect(template?["filters"]?["events"]?.arrayValue?.count == 1)
  }

  @Test func listsFilterByTypeAndLeaveOutDeprecated() {
    let ids = { (list: [JSONValue]) in Set(list.compactMap { $0["id"]?.stringValue }) }
    #expect(ids(catalog.list(type: "destination")) == ["template-webhook", "template-slack"])
    #expect(
      ids(catalog.list(type: "transformation")) == ["template-drop-events", "template-remove-properties"])
    #expect(ids(catalog.list(types: ["destination", "transformation"])).count == 4)
    #expect(!ids(catalog.list()).contains("template-webhook-legacy"))
    #expect(catalog.get("template-webhook-legacy")?["status"] == "deprecated")
    #expect(catalog.get("template-nope") == nil)
  }

  @Test func theSecondTransformationCreatesAFunction() throws {
    let record = try rules.validateCreate(
      json(
        #"{"template_id": "template-remove-properties", "type": "transformation", "inputs": {"properties": {"value": "$ip, email"}}}"#
      ))
    #expect(record["inputs"]?["properties"]?["value"] == "$ip, email")
  }
}
