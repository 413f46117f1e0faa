import Manifests
import PostHogAPI
import Testing

@testable import Reconciler

/// With prune off, the plan says how many live functions in scope no manifest names.
@Suite struct UnmanagedNoteTests {
  let live = [
    Fixtures.minimalLive(id: "d1", name: "Kept"), Fixtures.minimalLive(id: "d2", name: "Hand made"),
    Fixtures.minimalLive(id: "d3", name: "Other hand made"),
    Fixtures.minimalLive(id: "d4", name: "Legacy hook"),
  ]

  @Test func pruneOffCountsTheUnmanagedButNotTheIgnored() throws {
    let plan = try Planner.plan(
      desired: [Fixtures.minimalDesired("Kept")], settings: ProjectSettings(ignore: ["Legacy *"]), live: live)
    #expect(plan.actions.isEmpty)
    #expect(
      plan.warnings == [
        "2 live functions in scope are named by no manifest; manage.prune is off, so plan leaves them "
          + "alone (`hogctl list` marks them)"
      ])
  }

  @Test func nothingUnmanagedOrPruneOnSaysNothing() throws {
    let managed = try Planner.plan(
      desired: [Fixtures.minimalDesired("Kept")], settings: ProjectSettings(), live: [live[0]])
    #expect(managed.warnings.isEmpty)
    let pruned = try Planner.plan(
      desired: [Fixtures.minimalDesired("Kept")],
      settings: ProjectSettings(prune: true, ignore: ["Legacy *"]),
      live: live, options: PlanOptions(force: true))
    #expect(pruned.warnings.isEmpty)
    #expect(pruned.actions.map(\.id) == ["d2", "d3"])
  }
}
