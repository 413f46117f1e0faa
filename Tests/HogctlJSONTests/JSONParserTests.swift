import Foundation
import Testing

@testable import HogctlJSON

/// The byte-level parser against Foundation's: the same values for valid documents, a refusal
/// for every malformed one.
@Suite("JSON parser")
struct JSONParserTests {
  /// Foundation's reading of `text`, as the reference.
  static func reference(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  static let valid = [
    #"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#,
    #"[]"#, #"{}"#, #"  [ 1 , 2 ]  "#, "\n\t{\"x\" :\r\n 0}\n",
    #"[0, -0, 1, -1, 123456789012345, 1234567890123456789, 1.5, -2.25e3, 1E2, 1e-7, 0.1, 9007199254740993]"#,
    #"["", "plain", "quote \" backslash \\ slash \/", "\b\f\n\r\t", "\u00e9\u4e2d", "\ud83d\ude00", "é中😀"]"#,
    #""a scalar""#, "42", "true", "null", #"["first\nsecond é中 😀\tthird \"q\" end\\"]"#,
    String(repeating: "[", count: 40) + #"{"deep": [1]}"# + String(repeating: "]", count: 40),
  ]

  @Test(arguments: valid)
  func validDocumentsReadAsFoundationReadsThem(text: String) throws {
    #expect(try JSONValue.parse(text) == Self.reference(text))
  }

  static let malformed = [
    "", " ", "[1,]", #"{"a":1,}"#, "[01]", "[1.]", "[.5]", "[1e]", "[-]", "[+1]", "tru", "nul",
    "[true false]",
    #"{"a" 1}"#, #"{a: 1}"#, #"{"a": 1"#, "[1", #""unterminated"#, "\"tab\there\"", #""\x""#, #""\u12""#,
    "\"escaped\\n then a raw\ttab\"", #""escaped\n then unterminated"#,
    #""\ud83d""#, #""\ude00""#, #""\ud83d\u0041""#, "[1] [2]", "1e999", "[NaN]", "[Infinity]", "{'a': 1}",
  ]

  @Test(arguments: malformed)
  func malformedDocumentsAreRefused(text: String) {
    #expect(throws: JSONValueError.self) { try JSONValue.parse(text) }
  }

  @Test func aRepeatedKeyKeepsItsLastValue() throws {
    #expect(try JSONValue.parse(#"{"dup": 1, "dup": 2}"#) == ["dup": 2])
  }

  @Test func invalidUTF8IsRefused() {
    let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
    #expect(throws: JSONValueError.self) { try JSONValue.parse(Data(bytes)) }
  }

  @Test func nestingIsBounded() throws {
    let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    #expect(throws: Never.self) { try JSONValue.parse(fine) }
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONValueError.self) { try JSONValue.parse(deep) }
  }

  @Test func errorsSayWhere() {
    #expect {
      try JSONValue.parse("[1, 2,, 3]")
    } throws: { error in
      "\(error)".contains("at byte 6")
    }
  }

  @Test func aLargeGeneratedDocumentRoundTrips() throws {
    var random = SystemRandomNumberGenerator()
    func value(_ depth: Int) -> JSONValue {
      switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &random) {
      case 0: return .null
      case 1: return .bool(Bool.random(using: &random))
      case 2: return .number(Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / 8)
      case 3:
        return .string(
          String((0..<Int.random(in: 0...12, using: &random)).map { _ in "aé\"\\\n😀x".randomElement()! }))
      case 4: return .array((0..<Int.random(in: 0...5, using: &random)).map { _ in value(depth + 1) })
      default:
        return .object(
          JSONObject(
            lastWins: (0..<Int.random(in: 0...5, using: &random)).map {
              (key: "k\($0)", value: value(depth + 1))
            }))
      }
    }
    for _ in 0..<200 {
      let original = value(0)
      let text = original.serialized()
      #expect(try JSONValue.parse(text) == original)
      #expect(try JSONValue.parse(text) == Self.reference(text))
    }
  }
}

@Suite("JSON serialisation")
struct JSONSerialisationTests {
  @Test(arguments: [
    "plain", "quote \" inside", "\"\u{301}combining after a quote", "e\u{301}\\\u{301}", "tab\tnew\nline\r",
    "\u{1}\u{1f}", "😀\"😀", "\r\n", "", "\"",
  ])
  func escapedStringsReadBackTheSame(text: String) throws {
    let value = JSONValue.array([.string(text), .object([text: .string(text)])])
    let serialized = value.serialized()
    #expect(try JSONValue.parse(serialized) == value)
    #expect(try JSONParserTests.reference(serialized) == value)
    #expect(!serialized.unicodeScalars.contains { $0.value < 0x20 })
  }
}
