import Manifests
import PostHogAPI
import Reconciler
import Testing

@Suite struct ReorderTests {
  typealias Member = ReorderPlanner.Member

  @Test func listedNamesComeFirstAndTheRestKeepTheirRelativeOrder() throws {
    let existing = [
      Member(name: "A", id: "a", currentOrder: 1), Member(name: "B", id: "b", currentOrder: 2),
      Member(name: "C", id: "c", currentOrder: 3), Member(name: "D", id: "d", currentOrder: nil),
    ]
    let result = try #require(
      ReorderPlanner.plan(
        existing: existing, created: ["New"], listed: ["C", "New", "Missing"], explicit: [:]))
    #expect(result.targets == ["C": 1, "New": 2, "A": 3, "B": 4, "D": 5])
    #expect(
      result.entries == [
        ReorderEntry(name: "C", id: "c", before: 3, after: 1),
        ReorderEntry(name: "A", id: "a", before: 1, after: 3),
        ReorderEntry(name: "B", id: "b", before: 2, after: 4),
        ReorderEntry(name: "D", id: "d", before: nil, after: 5),
      ])
  }

  @Test func explicitOrdersAreUsedAsTheyAre() throws {
    let existing = [Member(name: "A", id: "a", currentOrder: 1), Member(name: "B", id: "b", currentOrder: 2)]
    let result = try #require(
      ReorderPlanner.plan(existing: existing, created: [], listed: [], explicit: ["B": 5]))
    #expect(result.targets == ["B": 5, "A": 6])
  }

  @Test func noOrderSourceMeansNoReorder() {
    #expect(
      ReorderPlanner.plan(
        existing: [Member(name: "A", id: "a", currentOrder: 4)], created: [], listed: [], explicit: [:])
        == nil)
  }

  @Test func aPlannedOrderIsStableOnceApplied() throws {
    let existing = [Member(name: "A", id: "a", currentOrder: 3), Member(name: "B", id: "b", currentOrder: 4)]
    let result = try #require(
      ReorderPlanner.plan(existing: existing, created: [], listed: ["B"], explicit: [:]))
    let applied = existing.map { Member(name: $0.name, id: $0.id, currentOrder: result.targets[$0.name]) }
    #expect(ReorderPlanner.plan(existing: applied, created: [], listed: ["B"], explicit: [:])?.entries == [])
  }

  @Test func thePlannerEmitsOneReorderAndCreatesCarryTheirOrder() throws {
    let live = [
      Fixtures.minimalLive(id: "g", name: "GeoIP", type: "transformation", order: 1),
      Fixtures.minimalLive(id: "b", name: "Drop bots", type: "transformation", order: 2),
    ]
    let desired = ["GeoIP", "Drop bots", "Hash emails"].map {
      Fixtures.minimalDesired($0, type: "transformation")
    }
    let settings = ProjectSettings(order: ["transformation": ["Drop bots", "Hash emails", "GeoIP"]])
    let plan = try Planner.plan(desired: desired, settings: settings, live: live)
    let reorders = plan.actions.filter { $0.kind == .reorder }
    #expect(reorders.count == 1)
    #expect(
      reorders.first?.reorder == [
        ReorderEntry(name: "Drop bots", id: "b", before: 2, after: 1),
        ReorderEntry(name: "GeoIP", id: "g", before: 1, after: 3),
      ])
    let create = try #require(plan.actions.first { $0.kind == .create })
    #expect(create.body?["execution_order"] == 2)
    #expect(plan.summary.reorder == 1)
  }

  @Test func transformationsInTheRightOrderPlanNothing() throws {
    let live = [
      Fixtures.minimalLive(id: "b", name: "Drop bots", type: "transformation", order: 1),
      Fixtures.minimalLive(id: "g", name: "GeoIP", type: "transformation", order: 2),
    ]
    let desired = ["GeoIP", "Drop bots"].map { Fixtures.minimalDesired($0, type: "transformation") }
    let settings = ProjectSettings(order: ["transformation": ["Drop bots", "GeoIP"]])
    #expect(try Planner.plan(desired: desired, settings: settings, live: live).actions.isEmpty)
  }

  @Test func reenablingATransformationSendsItsOrder() throws {
    var live = Fixtures.minimalLive(id: "g", name: "GeoIP", type: "transformation", order: 1)
    live.raw["enabled"] = false
    let settings = ProjectSettings(order: ["transformation": ["GeoIP"]])
    let plan = try Planner.plan(
      desired: [Fixtures.minimalDesired("GeoIP", type: "transformation")], settings: settings, live: [live])
    #expect(plan.actions.first?.body == ["enabled": true, "execution_order": 1])
  }
}
