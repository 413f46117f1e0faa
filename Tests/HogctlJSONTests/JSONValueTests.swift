import Foundation
import HogctlJSON
import Testing

@Suite struct JSONValueTests {
  @Test func roundTripKeepsEveryKind() throws {
    let text = #"{"a":[1,2.5,true,null,"x\n\"y\""],"b":{"c":{}},"d":[]}"#
    let value = try JSONValue.parse(text)
    #expect(value.serialized() == text)
    #expect(try JSONValue.parse(value.serialized()) == value)
  }

  @Test func integralNumbersHaveNoFraction() {
    #expect(JSONValue.number(42).serialized() == "42")
    #expect(JSONValue.number(-3).serialized() == "-3")
    #expect(JSONValue.number(0.5).serialized() == "0.5")
  }

  @Test func keysAreSortedSoOutputIsDeterministic() {
    let value: JSONValue = ["b": 1, "a": 2, "c": ["z": true, "y": false]]
    #expect(value.serialized() == #"{"a":2,"b":1,"c":{"y":false,"z":true}}"#)
  }

  @Test func malformedJSONThrows() {
    #expect(throws: JSONValueError.self) { try JSONValue.parse("{\"a\":") }
  }

  @Test func accessorsReadTheRightKinds() {
    let value: JSONValue = ["n": 3, "s": "t", "b": true, "f": 1.5]
    #expect(value["n"]?.intValue == 3)
    #expect(value["f"]?.intValue == nil)
    #expect(value["s"]?.stringValue == "t")
    #expect(value["b"]?.boolValue == true)
    #expect(value["missing"] == nil)
  }
}
