import Manifests
import PostHogAPI
import Reconciler
import Testing

@Suite struct PlannerPolicyTests {
  static let live = (1...10).map { Fixtures.minimalLive(id: "d\($0)", name: "F\($0)") }

  @Test func deletedTrueSoftDeletes() throws {
    var gone = Fixtures.minimalDesired("F1")
    gone.deleted = true
    let plan = try Planner.plan(desired: [gone], settings: ProjectSettings(), live: [Self.live[0]])
    #expect(plan.actions.map(\.kind) == [.delete])
    #expect(plan.actions.first?.body == ["deleted": true])
    #expect(plan.actions.first?.reason == "deleted: true")
    let nothing = try Planner.plan(desired: [gone], settings: ProjectSettings(), live: [])
    #expect(nothing.actions.isEmpty)
  }

  @Test func pruneDeletesUnnamedFunctionsInScopeExceptIgnoredOnes() throws {
    let live = [
      Fixtures.minimalLive(id: "d1", name: "Kept"),
      Fixtures.minimalLive(id: "d2", name: "Stray"),
      Fixtures.minimalLive(id: "d3", name: "Legacy hook"),
      Fixtures.minimalLive(id: "s1", name: "Site app", type: "site_app"),
    ]
    let settings = ProjectSettings(prune: true, ignore: ["Legacy *"])
    let plan = try Planner.plan(desired: [Fixtures.minimalDesired("Kept")], settings: settings, live: live)
    #expect(plan.actions.map(\.id) == ["d2"])
    #expect(plan.actions.first?.reason == "prune")
    let off = try Planner.plan(
      desired: [Fixtures.minimalDesired("Kept")], settings: ProjectSettings(), live: live)
    #expect(off.actions.isEmpty)
  }

  @Test func anIgnoredManifestIsLeftAloneWithAWarning() throws {
    let settings = ProjectSettings(ignore: ["Legacy *"])
    let plan = try Planner.plan(
      desired: [Fixtures.minimalDesired("Legacy one")], settings: settings, live: [])
    #expect(plan.actions.isEmpty)
    #expect(plan.warnings.count == 1)
  }

  @Test func deletesOverTheThresholdStopUnlessForced() throws {
    let settings = ProjectSettings(prune: true, maxDeletePercent: 30)
    let desired = (1...6).map { Fixtures.minimalDesired("F\($0)") }
    #expect(throws: PlanningError.self) {
      try Planner.plan(desired: desired, settings: settings, live: Self.live)
    }
    let forced = try Planner.plan(
      desired: desired, settings: settings, live: Self.live, options: PlanOptions(force: true))
    #expect(forced.summary.delete == 4)
    let within = try Planner.plan(
      desired: desired + [Fixtures.minimalDesired("F7")], settings: settings, live: Self.live)
    #expect(within.summary.delete == 3)
  }

  @Test func thresholdErrorExplainsItself() {
    let settings = ProjectSettings(prune: true, maxDeletePercent: 30)
    let desired = (1...6).map { Fixtures.minimalDesired("F\($0)") }
    #expect {
      try Planner.plan(desired: desired, settings: settings, live: Self.live)
    } throws: { error in
      (error as? PlanningError)?.problems == [
        .thresholdExceeded(action: "delete", type: "destination", count: 4, managed: 10, limitPercent: 30)
      ]
        && "\(error)".contains("--force")
    }
  }

  @Test func updatesOverTheThresholdStop() {
    let settings = ProjectSettings(maxUpdatePercent: 10)
    let desired = (1...10).map { index -> DesiredFunction in
      var function = Fixtures.minimalDesired("F\(index)")
      function.fields["description"] = index <= 2 ? "changed" : ""
      return function
    }
    #expect(throws: PlanningError.self) {
      try Planner.plan(desired: desired, settings: settings, live: Self.live)
    }
  }

  @Test func targetKeepsOnlyTheNamedFunctions() throws {
    let desired = [Fixtures.minimalDesired("New A"), Fixtures.minimalDesired("New B")]
    let plan = try Planner.plan(
      desired: desired, settings: ProjectSettings(), live: [], options: PlanOptions(targets: ["New B"]))
    #expect(plan.actions.map(\.name) == ["New B"])
    #expect(throws: PlanningError.self) {
      try Planner.plan(
        desired: desired, settings: ProjectSettings(), live: [], options: PlanOptions(targets: ["Nope"]))
    }
  }

  @Test func broadcastsFollowThePolicyAndSkipDisabledFunctions() throws {
    var onCreate = Fixtures.minimalDesired("Created")
    onCreate.broadcast = .onCreate
    var onChange = Fixtures.minimalDesired("Changed")
    onChange.broadcast = .onChange
    onChange.fields["description"] = "new"
    var createOnlyButUpdated = Fixtures.minimalDesired("Updated")
    createOnlyButUpdated.broadcast = .onCreate
    createOnlyButUpdated.fields["description"] = "new"
    var disabled = Fixtures.minimalDesired("Disabled")
    disabled.broadcast = .onCreate
    disabled.fields["enabled"] = false
    let live = [
      Fixtures.minimalLive(id: "c1", name: "Changed"), Fixtures.minimalLive(id: "u1", name: "Updated"),
    ]
    let plan = try Planner.plan(
      desired: [onCreate, onChange, createOnlyButUpdated, disabled], settings: ProjectSettings(), live: live)
    let broadcasts = plan.actions.filter { $0.kind == .broadcast }
    #expect(broadcasts.map(\.name) == ["Changed", "Created"])
    #expect(broadcasts.map(\.id) == ["c1", nil])
    #expect(plan.warnings.count == 1)
  }

  @Test func sameInputsSamePlan() throws {
    let desired = (1...6).map { Fixtures.minimalDesired("F\($0)") }.shuffled()
    let settings = ProjectSettings(prune: true)
    let first = try Planner.plan(
      desired: desired, settings: settings, live: Self.live, options: PlanOptions(force: true))
    let second = try Planner.plan(
      desired: desired.shuffled(), settings: settings, live: Self.live, options: PlanOptions(force: true))
    #expect(first == second)
    #expect(first.fingerprint.live.keys.sorted() == ["d10", "d7", "d8", "d9"])
  }
}

@Suite struct ScaleTests {
  @Test func aThousandMatchingFunctionsPlanAsNoChangeQuickly() throws {
    let live = (0..<1000).map { Fixtures.minimalLive(id: "id-\($0)", name: "Function \($0)") }
    let desired = (0..<1000).map { Fixtures.minimalDesired("Function \($0)") }
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
      let plan = try Planner.plan(desired: desired, settings: ProjectSettings(prune: true), live: live)
      #expect(plan.actions.isEmpty)
      #expect(plan.unchanged.count == 1000)
    }
    #expect(elapsed < .seconds(10), "\(elapsed)")
  }
}
