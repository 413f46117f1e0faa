import HogctlJSON
import Testing

@testable import Emulator

@Suite struct InputsValidationTests {
  let schema = #"""
    "inputs_schema": [
      {"key": "url", "type": "string", "label": "Webhook URL", "required": true},
      {"key": "method", "type": "choice", "required": true, "default": "POST"},
      {"key": "headers", "type": "dictionary"},
      {"key": "count", "type": "number"},
      {"key": "debug", "type": "boolean"},
      {"key": "workspace", "type": "integration"},
      {"key": "body", "type": "json", "templating": false},
      {"key": "mail", "type": "email"}
    ]
    """#

  func create(inputs: String) throws -> JSONObject {
    try rules.validateCreate(createBody("{\(schema), \"inputs\": \(inputs)}"))
  }

  @Test func requiredMissingNullOrEmpty() {
    for inputs in [#"{}"#, #"{"url": {"value": null}}"#, #"{"url": {"value": ""}}"#] {
      expectError(
        #"{"type": "validation_error", "code": "invalid_input", "detail": "This field is required.", "attr": "inputs__url"}"#
      ) { _ = try create(inputs: inputs) }
    }
  }

  @Test func defaultsFillRequiredValuesAndUnknownKeysAreDropped() throws {
    let inputs = try create(inputs: #"{"url": {"value": "https://x"}, "extra": {"value": 1}}"#)["inputs"]
    #expect(inputs?["method"]?["value"] == "POST")
    #expect(inputs?["extra"] == nil)
    #expect(inputs?["headers"] == nil)
  }

  @Test(arguments: [
    (#"{"url": {"value": 5}}"#, "Value must be a string.", "inputs__url"),
    (#"{"url": {"value": "x"}, "count": {"value": "5"}}"#, "Value must be a number.", "inputs__count"),
    (
      #"{"url": {"value": "x"}, "debug": {"value": 1}}"#, "Value must be a boolean or a template string.",
      "inputs__debug"
    ),
    (
      #"{"url": {"value": "x"}, "headers": {"value": ["a"]}}"#, "Value must be a dictionary.",
      "inputs__headers"
    ),
    (
      #"{"url": {"value": "x"}, "workspace": {"value": "12"}}"#, "Value must be an Integration ID.",
      "inputs__workspace"
    ),
    (#"{"url": {"value": "x"}, "mail": {"value": "hi"}}"#, "Value must be an email object.", "inputs__mail"),
    (
      #"{"url": {"value": "x"}, "mail": {"value": {"to": "a@b", "subject": "s", "text": "t"}}}"#,
      "Missing value for 'from'.", "inputs__mail"
    ),
    (
      #"{"url": {"value": "x"}, "mail": {"value": {"from": "a@b", "to": "c@d", "subject": "s"}}}"#,
      "Either 'text' or 'html' is required.", "inputs__mail"
    ),
  ])
  func typeChecks(inputs: String, detail: String, attr: String) {
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "\#(detail)", "attr": "\#(attr)"}"#
    ) {
      _ = try create(inputs: inputs)
    }
  }

  @Test func acceptedValuesOfEachType() throws {
    let inputs = try create(
      inputs: #"""
        {"url": {"value": "https://x/{event.uuid}"}, "count": {"value": 2.5}, "debug": {"value": "{inputs.count > 1}"},
         "headers": {"value": {"A": "{person.id}"}}, "workspace": {"value": 12}, "body": {"value": [1, "x"]},
         "mail": {"value": {"from": "a@b", "to": "c@d", "subject": "s", "html": "<p/>", "design": {"x": 1}}}}
        """#)["inputs"]
    #expect(inputs?["count"]?["value"] == 2.5)
    #expect(inputs?["workspace"]?["value"] == 12)
    #expect(inputs?["url"]?["bytecode"] == BytecodePlaceholder.of("https://x/{event.uuid}"))
    #expect(inputs?["headers"]?["bytecode"] == ["A": BytecodePlaceholder.of("{person.id}")])
    #expect(inputs?["body"]?["bytecode"] == nil)  // templating: false
    #expect(inputs?["mail"]?["bytecode"]?["design"] == nil)
    #expect(inputs?["count"]?["bytecode"] == nil)
  }

  @Test func templatingIsCopiedFromTheSchema() throws {
    let record = try rules.validateCreate(
      createBody(
        #"""
        {"inputs_schema": [{"key": "a", "type": "string", "templating": true},
                           {"key": "b", "type": "string", "templating": "liquid"},
                           {"key": "c", "type": "string", "templating": false},
                           {"key": "d", "type": "string"}],
         "inputs": {"a": {"value": "1"}, "b": {"value": "2"}, "c": {"value": "3"}, "d": {"value": "4"}}}
        """#))
    let inputs = record["inputs"]
    #expect(inputs?["a"]?["templating"] == "hog")
    #expect(inputs?["b"]?["templating"] == "liquid")
    #expect(inputs?["b"]?["bytecode"] == nil)
    #expect(inputs?["c"]?["templating"] == nil)
    #expect(inputs?["d"]?["templating"] == nil)
  }

  @Test func orderFollowsInputReferences() throws {
    let record = try rules.validateCreate(
      createBody(
        #"""
        {"inputs_schema": [{"key": "message", "type": "string"}, {"key": "name", "type": "string"},
                           {"key": "greeting", "type": "string"}],
         "inputs": {"message": {"value": "{inputs.greeting}, {inputs.name}!"}, "name": {"value": "Max"},
                    "greeting": {"value": "Hello {inputs.name}"}}}
        """#))
    let inputs = record["inputs"]
    #expect(inputs?["name"]?["order"] == 0)
    #expect(inputs?["greeting"]?["order"] == 1)
    #expect(inputs?["message"]?["order"] == 2)
  }

  @Test func circularReferencesAreRefused() {
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "Circular dependency detected in input_deps.", "attr": "inputs"}"#
    ) {
      _ = try rules.validateCreate(
        createBody(
          #"""
          {"inputs_schema": [{"key": "a", "type": "string"}, {"key": "b", "type": "string"}],
           "inputs": {"a": {"value": "{inputs.b}"}, "b": {"value": "{inputs.a}"}}}
          """#))
    }
  }

  @Test func schemaItemsAreCheckedAndFilled() throws {
    expectError(
      #"{"type": "validation_error", "code": "invalid_choice", "detail": "\"text\" is not a valid choice.", "attr": "inputs_schema__1__type"}"#
    ) {
      _ = try rules.validateCreate(
        createBody(#"{"inputs_schema": [{"key": "a", "type": "string"}, {"key": "b", "type": "text"}]}"#))
    }
    expectError(
      #"{"type": "validation_error", "code": "required", "detail": "This field is required.", "attr": "inputs_schema__0__key"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"inputs_schema": [{"type": "string"}]}"#)) }
    expectError(
      #"{"type": "validation_error", "code": "not_a_list", "detail": "Expected a list of items but got type \"dict\".", "attr": "inputs_schema"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"inputs_schema": {"key": "a"}}"#)) }
    let record = try rules.validateCreate(
      createBody(#"{"inputs_schema": [{"key": "a", "type": "string", "label": "A", "unknown": 1}]}"#))
    #expect(
      record["inputs_schema"]
        == jsonValue(
          #"[{"key": "a", "type": "string", "label": "A", "required": false, "secret": false, "hidden": false}]"#
        ))
  }

  @Test func inputsMustBeAnObject() {
    expectError(
      #"{"type": "validation_error", "code": "not_a_dict", "detail": "Expected a dictionary of items but got type \"list\".", "attr": "inputs"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"inputs": []}"#)) }
  }
}
