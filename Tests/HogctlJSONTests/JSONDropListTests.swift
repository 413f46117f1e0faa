import Testing

@testable import HogctlJSON

struct JSONDropListTests {
  static let list = JSONDropList(paths: ["results.*.bytecode", "results.*.inputs.*.bytecode", "meta"])
  static let page = #"""
    {"meta": {"big": [1, 2, 3]}, "next": null,
     "results": [
       {"id": "a", "bytecode": ["_H", 1], "inputs": {"u": {"value": {"bytecode": "user data"}, "bytecode": [1]}}},
       {"id": "b", "inputs": {}}
     ]}
    """#
  static let expected = #"""
    {"next": null,
     "results": [
       {"id": "a", "inputs": {"u": {"value": {"bytecode": "user data"}}}},
       {"id": "b", "inputs": {}}
     ]}
    """#

  @Test func namedMembersAreLeftOutAndEverythingElseKept() throws {
    let parsed = try JSONValue.parse(Self.page, dropping: Self.list)
    #expect(parsed == (try JSONValue.parse(Self.expected)))
  }

  @Test func removingGivesTheSameAsDroppingWhileParsing() throws {
    let whole = try JSONValue.parse(Self.page)
    #expect(Self.list.removing(from: whole) == (try JSONValue.parse(Self.expected)))
  }

  @Test func removingReportsNothingToRemoveAsNil() throws {
    #expect(Self.list.removing(from: try JSONValue.parse(Self.expected)) == nil)
    #expect(JSONDropList.none.removing(from: try JSONValue.parse(Self.page)) == nil)
  }

  @Test func aDroppedMemberMustStillBeValidJSON() {
    #expect(throws: JSONValueError.self) {
      try JSONValue.parse(#"{"meta": {"big": [1, 2,]}, "results": []}"#, dropping: Self.list)
    }
  }

  @Test func anExactKeyIsPreferredToTheWildcard() throws {
    let list = JSONDropList(paths: ["*.x", "keep.y"])
    let parsed = try JSONValue.parse(
      #"{"keep": {"x": 1, "y": 2}, "other": {"x": 3, "y": 4}}"#, dropping: list)
    #expect(parsed == ["keep": ["x": 1], "other": ["y": 4]])
  }
}
