import Foundation
import Testing

@testable import Emulator

@Suite struct PersonMatcherTests {
  let person = jsonValue(
    #"{"distinct_id": "d1", "properties": {"email": "Max@PostHog.com", "plan": "scale", "age": 31, "beta": true}}"#
  )

  func matches(_ filter: String) -> Bool {
    PersonMatcher.matches(person: person, filters: jsonValue(#"{"properties": [\#(filter)]}"#))
  }

  @Test func operators() {
    #expect(matches(#"{"key": "plan", "value": "scale", "operator": "exact", "type": "person"}"#))
    #expect(matches(#"{"key": "plan", "value": ["free", "scale"], "operator": "exact", "type": "person"}"#))
    #expect(!matches(#"{"key": "plan", "value": "free", "type": "person"}"#))
    #expect(matches(#"{"key": "plan", "value": "free", "operator": "is_not", "type": "person"}"#))
    #expect(matches(#"{"key": "email", "value": "posthog.com", "operator": "icontains", "type": "person"}"#))
    #expect(
      !matches(#"{"key": "email", "value": "posthog.com", "operator": "not_icontains", "type": "person"}"#))
    #expect(matches(#"{"key": "email", "value": "^Max@", "operator": "regex", "type": "person"}"#))
    #expect(!matches(#"{"key": "email", "value": "^max@", "operator": "regex", "type": "person"}"#))
    #expect(matches(#"{"key": "beta", "operator": "is_set", "type": "person"}"#))
    #expect(matches(#"{"key": "missing", "operator": "is_not_set", "type": "person"}"#))
    #expect(!matches(#"{"key": "missing", "operator": "is_set", "type": "person"}"#))
    #expect(matches(#"{"key": "age", "value": "30", "operator": "gt", "type": "person"}"#))
    #expect(!matches(#"{"key": "age", "value": 31, "operator": "lt", "type": "person"}"#))
    #expect(matches(#"{"key": "age", "value": 31, "operator": "exact", "type": "event"}"#))
    #expect(matches(#"{"key": "beta", "value": "true", "operator": "exact", "type": "person"}"#))
  }

  @Test func propertyGroups() {
    let group = { (type: String) in
      jsonValue(
        #"{"properties": {"type": "\#(type)", "values": [{"key": "plan", "value": "free", "type": "person"}, {"key": "age", "value": 30, "operator": "gt", "type": "person"}]}}"#
      )
    }
    #expect(PersonMatcher.matches(person: person, filters: group("OR")))
    #expect(!PersonMatcher.matches(person: person, filters: group("AND")))
  }

  @Test func filtersAreAndedAndUnknownTypesMatchNobody() {
    #expect(
      matches(
        #"{"key": "plan", "value": "scale", "type": "person"}, {"key": "age", "value": 18, "operator": "gt", "type": "person"}"#
      ))
    #expect(
      !matches(
        #"{"key": "plan", "value": "scale", "type": "person"}, {"key": "age", "value": 40, "operator": "gt"}"#
      ))
    #expect(!matches(#"{"key": "id", "value": 5, "type": "cohort"}"#))
    #expect(matches(#"{"key": "missing", "value": "x", "operator": "is_not", "type": "person"}"#))
    #expect(!matches(#"{"key": "missing", "value": "x", "operator": "exact", "type": "person"}"#))
    #expect(PersonMatcher.matches(person: person, filters: nil))
    #expect(PersonMatcher.matches(person: person, filters: jsonValue(#"{"events": []}"#)))
  }
}

@Suite struct BroadcastTests {
  let now = Date(timeIntervalSince1970: 1_735_689_600)
  let persons = [
    jsonValue(#"{"distinct_id": "a", "properties": {"plan": "scale"}}"#),
    jsonValue(#"{"distinct_id": "b", "properties": {"plan": "free"}}"#),
    jsonValue(#"{"distinct_id": "c", "properties": {"plan": "scale"}}"#),
  ]

  @Test func oneInvocationPerMatchingPerson() throws {
    let function = try rules.validateCreate(
      createBody(
        #"{"enabled": true, "filters": {"properties": [{"key": "plan", "value": "scale", "type": "person"}]}}"#
      ))
    var counter = 0
    let outcomes = try Broadcast.invocations(function: function, persons: persons, now: now) {
      counter += 1
      return "id-\(counter)"
    }
    #expect(outcomes.count == 2)
    #expect(Set(outcomes.map(\.invocationID)).count == 2)
    #expect(outcomes.allSatisfy { $0.logLines.contains { $0.message.contains("'$broadcast'") } })
  }

  @Test func disabledFunctionsCannotBroadcast() throws {
    let function = try rules.validateCreate(createBody())
    expectError(#"{"error": "Cannot broadcast: function is disabled"}"#) {
      _ = try Broadcast.invocations(function: function, persons: persons, now: now)
    }
  }
}
