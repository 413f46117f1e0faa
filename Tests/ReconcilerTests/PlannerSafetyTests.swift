import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler
import Testing

/// The checks that keep a wrong path, a typo or a race from destroying live functions.
@Suite struct PlannerSafetyTests {
  static func live(_ count: Int, type: String = "destination", prefix: String = "F") -> [HogFunction] {
    (1...count).map { Fixtures.minimalLive(id: "\(type)-\($0)", name: "\(prefix)\($0)", type: type) }
  }

  static func problems(
    desired: [DesiredFunction], settings: ProjectSettings, live: [HogFunction],
    options: PlanOptions = PlanOptions()
  ) -> [PlanningProblem] {
    do {
      _ = try Planner.plan(desired: desired, settings: settings, live: live, options: options)
      return []
    } catch {
      return error.problems
    }
  }

  @Test func thresholdsDefaultToThirtyPercent() {
    #expect(ProjectSettings().maxDeletePercent == 30)
    #expect(ProjectSettings().maxUpdatePercent == 30)
    let desired = (1...6).map { Fixtures.minimalDesired("F\($0)") }
    let found = Self.problems(desired: desired, settings: ProjectSettings(prune: true), live: Self.live(10))
    #expect(
      found == [
        .thresholdExceeded(action: "delete", type: "destination", count: 4, managed: 10, limitPercent: 30)
      ])
  }

  @Test func thresholdsApplyOnlyToTypesWithTenLiveFunctions() throws {
    let desired = (1...4).map { Fixtures.minimalDesired("F\($0)") }
    let plan = try Planner.plan(desired: desired, settings: ProjectSettings(prune: true), live: Self.live(9))
    #expect(plan.summary.delete == 5)
  }

  @Test func thresholdsAreCheckedPerType() {
    // 4 of 10 destinations is over 30%, though 4 of all 20 functions is not.
    let live = Self.live(10) + Self.live(10, type: "transformation", prefix: "T")
    let desired =
      (1...6).map { Fixtures.minimalDesired("F\($0)") }
      + (1...10).map { Fixtures.minimalDesired("T\($0)", type: "transformation") }
    let found = Self.problems(desired: desired, settings: ProjectSettings(prune: true), live: live)
    #expect(
      found == [
        .thresholdExceeded(action: "delete", type: "destination", count: 4, managed: 10, limitPercent: 30)
      ])
  }

  @Test func deletingEveryLiveFunctionOfATypeStopsUnlessForced() throws {
    // The transformations' manifests are missing (a wrong folder, say): prune would delete both.
    let live = Self.live(2) + Self.live(2, type: "transformation", prefix: "T")
    let desired = [Fixtures.minimalDesired("F1"), Fixtures.minimalDesired("F2")]
    #expect(
      Self.problems(desired: desired, settings: ProjectSettings(prune: true), live: live) == [
        .deletesEveryFunction(type: "transformation", count: 2)
      ])
    let forced = try Planner.plan(
      desired: desired, settings: ProjectSettings(prune: true), live: live, options: PlanOptions(force: true))
    #expect(forced.summary.delete == 2)
  }

  @Test func deletesEachAskedForByAManifestAreDeliberate() throws {
    var gone = Fixtures.minimalDesired("F1")
    gone.deleted = true
    let plan = try Planner.plan(desired: [gone], settings: ProjectSettings(), live: Self.live(1))
    #expect(plan.summary.delete == 1)
  }

  @Test func pruneOverADirectoryWithoutManifestsStopsUnlessForced() throws {
    let live = Self.live(50)
    let found = Self.problems(desired: [], settings: ProjectSettings(prune: true), live: live)
    #expect(found == [.pruneWithoutManifests(live: 50)])
    #expect(found.first?.description.contains("directory") == true)
    let forced = try Planner.plan(
      desired: [], settings: ProjectSettings(prune: true), live: live, options: PlanOptions(force: true))
    #expect(forced.summary.delete == 50)
    // Nothing live in scope: nothing to protect.
    #expect(Self.problems(desired: [], settings: ProjectSettings(prune: true), live: []).isEmpty)
  }

  static func duplicate(_ id: String, name: String, createdAt: String) -> HogFunction {
    var function = Fixtures.minimalLive(id: id, name: name)
    function.raw["created_at"] = .string(createdAt)
    return function
  }

  @Test func duplicatesStopThePlanWithBothIdsAndTheWayOut() {
    let live = [
      Self.duplicate("b-new", name: "Slack", createdAt: "2025-02-01T00:00:00.000000Z"),
      Self.duplicate("a-old", name: "Slack", createdAt: "2025-01-01T00:00:00.000000Z"),
    ]
    let found = Self.problems(
      desired: [Fixtures.minimalDesired("Slack")], settings: ProjectSettings(), live: live)
    #expect(found.count == 1)
    let message = found.first?.description ?? ""
    #expect(
      message.contains("a-old") && message.contains("b-new") && message.contains("--resolve-duplicates"))
  }

  @Test func resolvingDuplicatesKeepsTheOldestAndDeletesTheOthers() throws {
    let live = [
      Self.duplicate("b-new", name: "Slack", createdAt: "2025-02-01T00:00:00.000000Z"),
      Self.duplicate("a-old", name: "Slack", createdAt: "2025-01-01T00:00:00.000000Z"),
      Self.duplicate("c-newest", name: "Slack", createdAt: "2025-03-01T00:00:00.000000Z"),
    ]
    var desired = Fixtures.minimalDesired("Slack")
    desired.fields["description"] = "changed"
    let plan = try Planner.plan(
      desired: [desired], settings: ProjectSettings(), live: live,
      options: PlanOptions(force: true, resolveDuplicates: true))
    let deletes = plan.actions.filter { $0.kind == .delete }
    #expect(deletes.compactMap(\.id).sorted() == ["b-new", "c-newest"])
    #expect(deletes.allSatisfy { $0.reason == "duplicate of a-old" })
    #expect(plan.actions.first { $0.kind == .update }?.id == "a-old")
  }

  @Test func resolvingDuplicatesKeepsThePinnedFunction() throws {
    let live = [
      Self.duplicate("a-old", name: "Slack", createdAt: "2025-01-01T00:00:00.000000Z"),
      Self.duplicate("b-new", name: "Slack", createdAt: "2025-02-01T00:00:00.000000Z"),
    ]
    var desired = Fixtures.minimalDesired("Slack")
    desired.pinnedID = "b-new"
    let plan = try Planner.plan(
      desired: [desired], settings: ProjectSettings(), live: live,
      options: PlanOptions(force: true, resolveDuplicates: true))
    #expect(plan.actions.map(\.kind) == [.delete])
    #expect(plan.actions.first?.id == "a-old")
    #expect(plan.actions.first?.reason == "duplicate of b-new")
  }

  @Test func transformationsNoManifestNamesNeverMove() throws {
    let live = [
      Fixtures.minimalLive(id: "u", name: "Unmanaged", type: "transformation", order: 1),
      Fixtures.minimalLive(id: "a", name: "A", type: "transformation", order: 2),
      Fixtures.minimalLive(id: "b", name: "B", type: "transformation", order: 3),
    ]
    let settings = ProjectSettings(order: ["transformation": ["B", "A"]])
    let desired = ["A", "B"].map { Fixtures.minimalDesired($0, type: "transformation") }
    let plan = try Planner.plan(desired: desired, settings: settings, live: live)
    let entries = plan.actions.first { $0.kind == .reorder }?.reorder ?? []
    #expect(!entries.contains { $0.id == "u" })
    #expect(entries.map { "\($0.name)=\($0.after)" } == ["B=2", "A=3"])
  }

  @Test func aTargetedPlanNeverLeavesTwoEnabledTransformationsAtOneOrder() throws {
    let live = [
      Fixtures.minimalLive(id: "a", name: "A", type: "transformation", order: 1),
      Fixtures.minimalLive(id: "b", name: "B", type: "transformation", order: 2),
    ]
    let settings = ProjectSettings(order: ["transformation": ["C", "A", "B"]])
    let desired = ["A", "B", "C"].map { Fixtures.minimalDesired($0, type: "transformation") }
    let found = Self.problems(
      desired: desired, settings: settings, live: live, options: PlanOptions(targets: ["C"]))
    #expect(found == [.targetOrderCollision(order: 1, names: ["A", "C"])])
    let all = try Planner.plan(
      desired: desired, settings: settings, live: live, options: PlanOptions(targets: ["A", "B", "C"]))
    #expect(all.summary.create == 1 && all.summary.reorder == 1)
  }
}

extension Error {
  fileprivate var problems: [PlanningProblem] { (self as? PlanningError)?.problems ?? [] }
}
