import Manifests
import PostHogAPI
import Reconciler
import Testing

@Suite struct FingerprintTests {
  static let settings = ProjectSettings(prune: true)
  static let desired = [Fixtures.minimalDesired("Kept"), Fixtures.minimalDesired("New")]
  static let live = [
    Fixtures.minimalLive(id: "d1", name: "Kept"), Fixtures.minimalLive(id: "d2", name: "Stray"),
  ]

  func plan() throws -> Plan {
    var kept = Self.desired
    kept[0].fields["description"] = "changed"
    return try Planner.plan(
      desired: kept, settings: Self.settings, live: Self.live, options: PlanOptions(force: true))
  }

  @Test func aSavedPlanHoldsWhileNothingMoves() throws {
    let plan = try plan()
    var kept = Self.desired
    kept[0].fields["description"] = "changed"
    #expect(plan.fingerprint.live.keys.sorted() == ["d1", "d2"])
    #expect(plan.fingerprint.absent == ["destination/New"])
    var live = Self.live
    live[0].raw["status"] = ["state": 2, "tokens": 5]
    live[0].raw["updated_at"] = "2030-01-01T00:00:00Z"
    #expect(
      plan.fingerprint.changes(desired: kept, settings: Self.settings, live: live, templates: [:]).isEmpty)
  }

  @Test func aPlanWithoutFingerprintHasTheSameActionsAndAnEmptyFingerprint() throws {
    var kept = Self.desired
    kept[0].fields["description"] = "changed"
    let full = try plan()
    let bare = try Planner.plan(
      desired: kept, settings: Self.settings, live: Self.live,
      options: PlanOptions(force: true, fingerprint: false))
    #expect(bare.actions == full.actions)
    #expect(bare.unchanged == full.unchanged)
    #expect(bare.fingerprint == PlanFingerprint())
    #expect(full.fingerprint.manifests.count == 64)
  }

  @Test func everyKindOfMoveIsNamed() throws {
    let plan = try plan()
    var live = Self.live
    live[0].raw["hog"] = "edited in the UI"
    live.remove(at: 1)
    live.append(Fixtures.minimalLive(id: "d3", name: "New"))
    let moved = plan.fingerprint.changes(
      desired: Self.desired, settings: Self.settings, live: live, templates: [:])
    #expect(
      moved == [
        "the manifests or hogctl.yaml changed since the plan was made",
        "live function \"Kept\" (d1) changed since the plan was made",
        "live function d2 no longer exists",
        "destination/New now exists live, but the plan creates it",
      ])
  }

  @Test func scopeHelpers() {
    var templated = Fixtures.minimalDesired("T", type: "site_app")
    templated.templateID = "template-b"
    var other = Fixtures.minimalDesired("U")
    other.templateID = "template-a"
    let desired = [templated, other, Fixtures.minimalDesired("V")]
    #expect(Planner.templateIDs(in: desired + [other]) == ["template-a", "template-b"])
    #expect(
      Planner.typesInScope(desired: desired, settings: ProjectSettings()) == [
        "destination", "site_app", "transformation",
      ])
  }
}
