import Foundation
import HogctlJSON

/// Whether a person (`{"distinct_id", "properties": {...}}`) matches a function's
/// `filters.properties`. Broadcasts have no real event, so `person` and `event` filters are both
/// read from the person's properties. Filters of other types (cohort, group, HogQL, ...) cannot be
/// evaluated here and match nobody, so a broadcast never reaches more people than it should.
enum PersonMatcher {
  static func matches(person: JSONValue, filters: JSONValue?) -> Bool {
    guard let properties = filters?["properties"], !properties.isNull else { return true }
    return matches(person: person, group: properties)
  }

  /// A list of filters (all must match) or a `{"type": "AND"|"OR", "values": [...]}` group.
  static func matches(person: JSONValue, group: JSONValue) -> Bool {
    if let items = group.arrayValue { return items.allSatisfy { matches(person: person, group: $0) } }
    if let values = group["values"]?.arrayValue, group["key"] == nil {
      return group["type"]?.stringValue?.uppercased() == "OR"
        ? values.contains { matches(person: person, group: $0) }
        : values.allSatisfy { matches(person: person, group: $0) }
    }
    return matches(person: person, filter: group)
  }

  static func matches(person: JSONValue, filter: JSONValue) -> Bool {
    let type = filter["type"]?.stringValue ?? "person"
    guard type == "person" || type == "event", let key = filter["key"]?.stringValue else { return false }
    let actual = person["properties"]?[key].flatMap { $0.isNull ? nil : $0 }
    let expected = filter["value"] ?? .null
    let candidates = expected.arrayValue ?? [expected]
    switch filter["operator"]?.stringValue ?? "exact" {
    case "exact": return actual.map { value in candidates.contains { equal(value, $0) } } ?? false
    case "is_not": return actual.map { value in !candidates.contains { equal(value, $0) } } ?? true
    case "icontains": return actual.map { value in candidates.contains { contains(value, $0) } } ?? false
    case "not_icontains": return actual.map { value in !candidates.contains { contains(value, $0) } } ?? true
    case "regex": return actual.map { value in candidates.contains { regex(value, $0) } } ?? false
    case "not_regex": return actual.map { value in !candidates.contains { regex(value, $0) } } ?? true
    case "is_set": return actual != nil
    case "is_not_set": return actual == nil
    case "gt": return compare(actual, expected, >)
    case "gte": return compare(actual, expected, >=)
    case "lt": return compare(actual, expected, <)
    case "lte": return compare(actual, expected, <=)
    default: return false
    }
  }

  static func text(_ value: JSONValue) -> String {
    switch value {
    case .string(let string): string
    case .bool(let flag): flag ? "true" : "false"
    case .number(let number): value.intValue.map(String.init) ?? String(number)
    default: value.serialized()
    }
  }

  static func equal(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
    if let left = number(actual), let right = number(expected) { return left == right }
    return text(actual) == text(expected)
  }

  static func contains(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
    text(actual).lowercased().contains(text(expected).lowercased())
  }

  static func regex(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
    guard let pattern = try? NSRegularExpression(pattern: text(expected)) else { return false }
    let subject = text(actual)
    return pattern.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
  }

  static func number(_ value: JSONValue) -> Double? {
    value.numberValue ?? value.stringValue.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
  }

  static func compare(_ actual: JSONValue?, _ expected: JSONValue, _ order: (Double, Double) -> Bool) -> Bool
  {
    guard let actual, let left = number(actual), let right = number(expected) else { return false }
    return order(left, right)
  }
}

/// The name the HTTP layer calls.
typealias BroadcastMatcher = PersonMatcher

/// `broadcast/`: one invocation per person matching the function's `filters.properties`, with an
/// event named `$broadcast`.
enum Broadcast {
  static let disabled = EmulatorError(status: 400, body: ["error": "Cannot broadcast: function is disabled"])

  /// The outcomes to record under the function's id, one per matching person, in list order.
  /// Throws the disabled-function error when `function.enabled` is not `true`.
  static func invocations(
    function: JSONObject, persons: [JSONValue], now: Date,
    makeID: () -> String = { UUID().uuidString.lowercased() }
  ) throws -> [InvocationOutcome] {
    guard function["enabled"]?.boolValue == true else { throw disabled }
    return persons.filter { PersonMatcher.matches(person: $0, filters: function["filters"]) }.map { person in
      let event: JSONObject = [
        "uuid": .string(makeID()), "event": "$broadcast", "distinct_id": person["distinct_id"] ?? .null,
        "properties": [:], "timestamp": .string(QueryDates.format(now)),
      ]
      return InvocationRunner.build(configuration: function, event: event, invocationID: makeID(), now: now)
    }
  }
}
