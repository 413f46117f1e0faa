import Testing

@testable import HogctlJSON

@Suite struct JSONObjectTests {
  /// Keys for both search paths: up to 8 members are scanned, more are bisected.
  static let sizes = [0, 1, 3, 8, 9, 40]

  static func object(size: Int) -> JSONObject {
    var object = JSONObject()
    // Inserted in reverse so that every insertion lands before what is there.
    for index in (0..<size).reversed() { object["key\(index)"] = .number(Double(index)) }
    return object
  }

  @Test(arguments: sizes) func aMissingKeyIsNilNotNull(size: Int) {
    let object = Self.object(size: size)
    #expect(object["absent"] == nil)
    #expect(object["key"] == nil)
    #expect(object["zzz"] == nil)
    #expect(object["absent"]?.isNull != true)
  }

  @Test(arguments: sizes) func everyKeyIsFoundAndMembersStaySorted(size: Int) {
    let object = Self.object(size: size)
    #expect(object.count == size)
    for index in 0..<size { #expect(object["key\(index)"] == .number(Double(index))) }
    let keys = Array(object.keys)
    #expect(keys == keys.sorted())
  }

  @Test(arguments: sizes) func removingAndReplacingKeepsTheOthers(size: Int) {
    var object = Self.object(size: size)
    guard size > 0 else { return }
    let middle = "key\(size / 2)"
    object[middle] = .string("replaced")
    #expect(object[middle] == .string("replaced"))
    #expect(object.count == size)
    #expect(object.removeValue(forKey: middle) == .string("replaced"))
    #expect(object.removeValue(forKey: middle) == nil)
    #expect(object[middle] == nil)
    #expect(object.count == size - 1)
    object["key0"] = nil
    #expect(object["key0"] == nil)
    #expect(Array(object.keys) == Array(object.keys).sorted())
  }

  @Test func aNullValueIsStoredAndFound() {
    var object: JSONObject = ["a": .null]
    #expect(object["a"] == .some(.null))
    object["b"] = .some(.null)
    #expect(object.count == 2)
  }

  @Test func theLastOfARepeatedKeyWins() throws {
    let object = JSONObject(lastWins: [
      (key: "b", value: 1), (key: "a", value: 2), (key: "b", value: 3), (key: "a", value: 4),
      (key: "c", value: 5),
    ])
    #expect(Array(object.keys) == ["a", "b", "c"])
    #expect(object["a"] == 4)
    #expect(object["b"] == 3)
    let literal: JSONObject = ["x": 1, "x": 2]
    #expect(literal["x"] == 2)
    #expect(try JSONValue.parse(#"{"k": 1, "k": 2}"#)["k"] == 2)
  }

  /// Both sorts: in place for up to 32 members, by position-tagged sort beyond.
  @Test(arguments: [5, 32, 33, 100]) func membersGivenInAnyOrderAreSortedWithTheLastRepeatKept(count: Int) {
    var given: [JSONObject.Element] = []
    for index in (0..<count).reversed() { given.append((key: "k\(index)", value: .number(Double(index)))) }
    given.append((key: "k1", value: "second"))
    given.insert((key: "k0", value: "first"), at: 0)
    given.append((key: "k0", value: "third"))
    let object = JSONObject(lastWins: given)
    #expect(object.count == count)
    #expect(Array(object.keys) == (0..<count).map { "k\($0)" }.sorted())
    #expect(object["k0"] == "third")
    #expect(object["k1"] == "second")
    #expect(object["k\(count - 1)"] == .number(Double(count - 1)))
  }

  @Test func equalityAndHashDoNotDependOnInsertionOrder() {
    var forward = JSONObject()
    var backward = JSONObject()
    for key in ["m", "a", "z", "q"] { forward[key] = .string(key) }
    for key in ["q", "z", "a", "m"] { backward[key] = .string(key) }
    #expect(forward == backward)
    #expect(forward.hashValue == backward.hashValue)
    backward["a"] = "other"
    #expect(forward != backward)
  }

  @Test func dictionaryStyleHelpers() {
    let object: JSONObject = ["a": 1, "b": 2, "c": .null]
    #expect(object.mapValues { $0.isNull ? 0 : $0 } == ["a": 1, "b": 2, "c": 0])
    #expect(object.filter { $0.key != "b" } == ["a": 1, "c": .null])
    var merged = object
    merged.merge(["b": 20, "d": 4]) { _, new in new }
    #expect(merged == ["a": 1, "b": 20, "c": .null, "d": 4])
    #expect(object.dictionary == ["a": 1, "b": 2, "c": .null])
    #expect(JSONObject(["b": 2, "a": 1]) == ["a": 1, "b": 2])
  }

  @Test func serialisesInKeyOrderWhateverTheInsertionOrder() throws {
    var object = JSONObject()
    for key in ["zeta", "alpha", "Mid", "beta"] { object[key] = .string(key) }
    #expect(
      JSONValue.object(object).serialized()
        == #"{"Mid":"Mid","alpha":"alpha","beta":"beta","zeta":"zeta"}"#)
    let parsed = try JSONValue.parse(#"{"zeta": 1, "alpha": {"y": 2, "x": 3}}"#)
    #expect(parsed.serialized() == #"{"alpha":{"x":3,"y":2},"zeta":1}"#)
  }
}
