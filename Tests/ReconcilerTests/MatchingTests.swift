import Manifests
import PostHogAPI
import Reconciler
import Testing

@Suite struct MatchingTests {
  @Test func nameAndTypeMatch() {
    let result = FunctionMatcher.match(
      desired: [Fixtures.minimalDesired("A")],
      live: [
        Fixtures.minimalLive(id: "t1", name: "A", type: "transformation"),
        Fixtures.minimalLive(id: "d1", name: "A"),
      ])
    #expect(result.matches.first?.live?.id == "d1")
    #expect(result.unmatchedLive.map(\.id) == ["t1"])
    #expect(result.problems.isEmpty)
  }

  @Test func anIDPinWinsOverTheName() throws {
    var desired = Fixtures.minimalDesired("A")
    desired.pinnedID = "d2"
    let live = [Fixtures.minimalLive(id: "d1", name: "A"), Fixtures.minimalLive(id: "d2", name: "A")]
    let result = FunctionMatcher.match(desired: [desired], live: live)
    #expect(result.problems.isEmpty)
    #expect(result.matches.first?.live?.id == "d2")
  }

  @Test func previousNamesRenameInPlace() throws {
    var desired = Fixtures.minimalDesired("New name")
    desired.previousNames = ["Old name"]
    let plan = try Planner.plan(
      desired: [desired], settings: ProjectSettings(),
      live: [Fixtures.minimalLive(id: "d1", name: "Old name")])
    let update = try #require(plan.actions.first)
    #expect(plan.actions.count == 1)
    #expect(update.kind == .update)
    #expect(update.id == "d1")
    #expect(update.reason == #"renamed from "Old name""#)
    #expect(update.body == ["name": "New name"])
  }

  @Test func twoLiveFunctionsWithOneNameIsAnErrorNamingBothIDs() {
    let live = [Fixtures.minimalLive(id: "d2", name: "A"), Fixtures.minimalLive(id: "d1", name: "A")]
    #expect {
      try Planner.plan(desired: [Fixtures.minimalDesired("A")], settings: ProjectSettings(), live: live)
    } throws: { error in
      let description = (error as? PlanningError)?.description ?? ""
      return description.contains("d1, d2") && description.contains("functions.yaml:1:1")
    }
  }

  @Test func aPinToNothingIsAnError() {
    var desired = Fixtures.minimalDesired("A")
    desired.pinnedID = "gone"
    let result = FunctionMatcher.match(desired: [desired], live: [])
    #expect(result.problems == [.pinnedNotFound(name: "A", id: "gone", location: desired.location)])
  }

  @Test func aPinToAnotherTypeIsAnError() {
    var desired = Fixtures.minimalDesired("A")
    desired.pinnedID = "t1"
    let result = FunctionMatcher.match(
      desired: [desired], live: [Fixtures.minimalLive(id: "t1", name: "A", type: "transformation")])
    #expect(result.problems.count == 1)
    #expect(result.matches.first?.live == nil)
  }

  @Test func oneLiveFunctionClaimedByTwoManifestsIsAnError() {
    var renamed = Fixtures.minimalDesired("B")
    renamed.previousNames = ["A"]
    let result = FunctionMatcher.match(
      desired: [Fixtures.minimalDesired("A"), renamed], live: [Fixtures.minimalLive(id: "d1", name: "A")])
    #expect(result.problems == [.matchedTwice(id: "d1", names: ["A", "B"])])
  }
}
