import Testing

@testable import Manifests

/// `DesiredFunction` shares one box between copies; it must still behave as a value.
@Suite struct DesiredFunctionTests {
  static func function() -> DesiredFunction {
    DesiredFunction(
      name: "Hook", type: "destination", location: ManifestLocation(file: "hook.yaml", line: 1, column: 1),
      fields: ["hog": "return event"], previousNames: ["Old hook"], secretInputKeys: ["token"])
  }

  @Test func aCopyChangesAloneEveryField() {
    let original = Self.function()
    var copy = original
    #expect(copy == original)
    copy.name = "Renamed"
    copy.type = "transformation"
    copy.location = ManifestLocation(file: "other.yaml", line: 3, column: 1)
    copy.fields["hog"] = "return null"
    copy.templateID = "template-webhook"
    copy.pinnedID = "0193"
    copy.previousNames = []
    copy.deleted = true
    copy.ignoreChanges = ["enabled"]
    copy.broadcast = .onChange
    copy.tests = [["event": "x"]]
    copy.secretInputKeys = []
    #expect(original == Self.function(), "the original must not see the copy's changes")
    #expect(original.name == "Hook" && original.fields["hog"] == "return event")
    #expect(copy.name == "Renamed" && copy.fields["hog"] == "return null" && copy.deleted)
    #expect(copy != original)
  }

  @Test func equalValuesInSeparateBoxesAreEqualAndHashAlike() {
    let first = Self.function()
    let second = Self.function()
    #expect(first == second)
    #expect(Set([first, second]).count == 1)
    var third = second
    third.secretInputKeys.insert("api_key")
    #expect(third != first)
    #expect(Set([first, third]).count == 2)
  }
}

extension DesiredFunctionTests {
  @Test func descriptionsShowTheFieldsNotTheBox() {
    let text = String(describing: Self.function())
    #expect(text.contains("name: \"Hook\""))
    #expect(!text.contains("Storage"))
  }
}
