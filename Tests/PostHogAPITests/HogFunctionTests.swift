import HogctlJSON
import Testing

@testable import PostHogAPI

struct HogFunctionTests {
  static let listed = #"""
    {"id": "f1", "name": "Hook", "type": "destination", "enabled": true, "hog": "return event",
     "bytecode": ["_H", 1], "transpiled": "x", "status": {"state": 1},
     "created_by": {"id": 1, "email": "a@b.c"}, "created_at": "2026-01-01T00:00:00Z",
     "filters": {"events": [{"id": "$pageview"}], "bytecode": ["_H", 1]},
     "masking": {"ttl": 60, "bytecode": ["_H", 1]},
     "inputs": {"url": {"value": "https://x", "order": 0, "bytecode": ["_H", 1]}, "plain": 3},
     "mappings": [{"name": "m", "inputs": {"a": {"value": 1, "bytecode": [1]}},
                   "filters": {"bytecode": [2], "events": []}}]}
    """#

  @Test func idNameAndTypeFollowTheRawObject() throws {
    var function = HogFunction(raw: ["id": "f1", "name": "Hook"])
    #expect((function.id, function.name, function.type) == ("f1", "Hook", "destination"))
    function.raw["name"] = "Renamed"
    function.raw["type"] = "transformation"
    #expect((function.id, function.name, function.type) == ("f1", "Renamed", "transformation"))
    function.raw.merge(["id": "f2"]) { _, new in new }
    #expect(function.id == "f2")
    #expect(function == HogFunction(raw: ["id": "f2", "name": "Renamed", "type": "transformation"]))
  }

  @Test func compiledFormsAndBookkeepingAreDroppedEverythingElseIsKept() throws {
    let function = HogFunction(raw: try #require(try JSONValue.parse(Self.listed).objectValue))
    #expect(!JSONValue.object(function.raw).serialized().contains("bytecode"))
    for unread in ["transpiled", "created_by", "status"] {
      #expect(function.raw[unread] == nil, "\(unread)")
    }
    // Kept: it tells the oldest of duplicates.
    #expect(function.createdAt == "2026-01-01T00:00:00Z")
    let expected = try JSONValue.parse(
      #"""
      {"id": "f1", "name": "Hook", "type": "destination", "enabled": true, "hog": "return event",
       "created_at": "2026-01-01T00:00:00Z",
       "filters": {"events": [{"id": "$pageview"}]}, "masking": {"ttl": 60},
       "inputs": {"url": {"value": "https://x", "order": 0}, "plain": 3},
       "mappings": [{"name": "m", "inputs": {"a": {"value": 1}}, "filters": {"events": []}}]}
      """#)
    #expect(JSONValue.object(function.raw) == expected)
    #expect(function.id == "f1" && function.name == "Hook" && function.enabled)
  }

  /// A list page parsed with `unreadInListPages` gives the same functions as `init(raw:)` does.
  @Test func aParsedListPageNeedsNoSecondPass() throws {
    let page = try JSONValue.parse(
      #"{"count": 1, "next": null, "results": [\#(Self.listed)]}"#, dropping: HogFunction.unreadInListPages)
    let item = try #require(page["results"]?.arrayValue?.first?.objectValue)
    let whole = try #require(try JSONValue.parse(Self.listed).objectValue)
    #expect(HogFunction(listed: item) == HogFunction(raw: whole))
    #expect(HogFunction(listed: whole) != HogFunction(raw: whole))
  }
}
