import Testing

@testable import Emulator

@Suite struct FiltersMaskingMappingsTests {
  @Test func filtersKeepEventsAndActionsAndGainSourceAndBytecode() throws {
    let filters = try rules.validateCreate(
      createBody(
        #"""
        {"filters": {"events": [{"id": "$pageview", "name": "$pageview", "type": "events", "order": 0}],
                     "actions": [{"id": "123", "name": "Signed up", "type": "actions", "order": 1}],
                     "properties": [{"key": "$browser", "value": "Chrome", "operator": "exact", "type": "event"}],
                     "filter_test_accounts": true, "unknown": 1}}
        """#))["filters"]
    #expect(filters?["source"] == "events")
    #expect(filters?["events"]?.arrayValue?.first?["id"] == "$pageview")
    #expect(filters?["actions"]?.arrayValue?.first?["id"] == "123")
    #expect(filters?["properties"]?.arrayValue?.count == 1)
    #expect(filters?["filter_test_accounts"] == true)
    #expect(filters?["unknown"] == nil)
    #expect(filters?["bytecode"]?.arrayValue?.first == "_H")
  }

  @Test func personUpdateFiltersDropEvents() throws {
    let filters = try rules.validateCreate(
      createBody(#"{"filters": {"source": "person-updates", "events": [{"id": null, "type": "events"}]}}"#))[
        "filters"]
    #expect(filters?["source"] == "person-updates")
    #expect(filters?["events"] == nil)
    expectError(
      #"{"type": "validation_error", "code": "invalid_choice", "detail": "\"logs\" is not a valid choice.", "attr": "filters__source"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"filters": {"source": "logs"}}"#)) }
    expectError(
      #"{"type": "validation_error", "code": "not_a_list", "detail": "Expected a list of items but got type \"str\".", "attr": "filters__events"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"filters": {"events": "$pageview"}}"#)) }
  }

  @Test func maskingRules() throws {
    let masking = try rules.validateCreate(
      createBody(#"{"masking": {"ttl": 3600, "hash": "{person.id}", "threshold": 5}}"#))["masking"]
    #expect(masking?["ttl"] == 3600)
    #expect(masking?["threshold"] == 5)
    #expect(masking?["bytecode"] == BytecodePlaceholder.of("{person.id}"))
    expectError(
      #"{"type": "validation_error", "code": "min_value", "detail": "Ensure this value is greater than or equal to 60.", "attr": "masking__ttl"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"masking": {"ttl": 59, "hash": "x"}}"#)) }
    expectError(
      #"{"type": "validation_error", "code": "max_value", "detail": "Ensure this value is less than or equal to 86400.", "attr": "masking__ttl"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"masking": {"ttl": 86401, "hash": "x"}}"#)) }
    expectError(
      #"{"type": "validation_error", "code": "required", "detail": "This field is required.", "attr": "masking__ttl"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"masking": {"hash": "x"}}"#)) }
    expectError(
      #"{"type": "validation_error", "code": "required", "detail": "This field is required.", "attr": "masking__hash"}"#
    ) { _ = try rules.validateCreate(createBody(#"{"masking": {"ttl": 60}}"#)) }
    #expect(try rules.validateCreate(createBody(#"{"masking": null}"#))["masking"] == .null)
  }

  @Test func mappingsAreValidatedLikeTheTopLevel() throws {
    let mapping = #"""
      {"mappings": [{"name": "Pageviews",
                     "inputs_schema": [{"key": "url", "type": "string", "required": true}],
                     "inputs": {"url": {"value": "https://x/{event.event}"}},
                     "filters": {"events": [{"id": "$pageview", "type": "events"}]}}]}
      """#
    let mappings = try rules.validateCreate(createBody(mapping))["mappings"]?.arrayValue
    #expect(
      mappings?.first?["inputs"]?["url"]?["bytecode"] == BytecodePlaceholder.of("https://x/{event.event}"))
    #expect(mappings?.first?["filters"]?["source"] == "events")
    #expect(mappings?.first?["inputs_schema"]?.arrayValue?.first?["secret"] == false)
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "This field is required.", "attr": "mappings__0__inputs__url"}"#
    ) {
      _ = try rules.validateCreate(
        createBody(
          #"{"mappings": [{"inputs_schema": [{"key": "url", "type": "string", "required": true}], "inputs": {}}]}"#
        ))
    }
  }

  @Test func mappingsAreOnlyForDestinations() throws {
    expectError(
      #"{"type": "validation_error", "code": "invalid_input", "detail": "Mappings are only allowed for destinations.", "attr": "mappings"}"#
    ) {
      _ = try rules.validateCreate(
        createBody(#"{"type": "transformation", "hog": "return event", "mappings": [{"name": "m"}]}"#))
    }
    // An empty list on create is stored as null, so it is no mapping at all.
    let record = try rules.validateCreate(
      createBody(#"{"type": "transformation", "hog": "return event", "mappings": []}"#))
    #expect(record["mappings"] == .null)
  }
}
