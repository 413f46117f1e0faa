import Foundation
import HogctlJSON
import Manifests
import PostHogAPI
import Testing

@testable import Reconciler

@Suite struct ApplyExecutorTests {
  static let context = RequestContext(method: "POST", path: "/api/environments/1/hog_functions/")
  static let lost = APIError.ambiguousCreate(name: "x", reason: "connection lost", context: context)
  static let serverError = APIError.http(HTTPFailure(status: 503, context: context))
  static let invalid = APIError.http(
    HTTPFailure(
      status: 400, type: "validation_error", code: "invalid_input", detail: "This field is required.",
      attr: "inputs__url", context: context))

  func create(_ name: String, type: String = "destination", secrets: [String] = []) -> PlanAction {
    PlanAction(
      kind: .create, name: name, type: type, body: ["name": .string(name), "type": .string(type)],
      secretInputs: secrets)
  }

  func desired(_ name: String, inputs: JSONObject = [:]) -> DesiredFunction {
    DesiredFunction(
      name: name, type: "destination", location: ManifestLocation(file: "f.yaml", line: 1, column: 1),
      fields: ["inputs": .object(inputs)])
  }

  @Test func runsWritesThenDeletesThenRearrangeThenBroadcasts() async throws {
    let api = RecordingAPI()
    await api.store.seed(["id": "old", "name": "Old", "type": "destination"])
    await api.store.seed(["id": "t1", "name": "T1", "type": "transformation"])
    let plan = Plan(actions: [
      PlanAction(kind: .broadcast, name: "New", type: "transformation"),
      PlanAction(kind: .delete, name: "Old", type: "destination", id: "old", body: ["deleted": true]),
      PlanAction(
        kind: .reorder, name: "transformation", type: "transformation",
        reorder: [
          ReorderEntry(name: "New", id: nil, before: nil, after: 1),
          ReorderEntry(name: "T1", id: "t1", before: 1, after: 2),
        ]),
      create("New", type: "transformation"),
    ])
    let report = await ApplyExecutor(api: api, desired: [], parallelism: 1).apply(plan)
    #expect(report.succeeded)
    #expect(
      await api.store.calls == [
        "create New", "list", "delete old", "rearrange id-1=1,t1=2", "broadcast id-1",
      ])
    #expect(report.entries.map(\.kind) == [.broadcast, .delete, .reorder, .create])
    #expect(report.entries[3].id == "id-1")
  }

  @Test func aFailedCreateSkipsItsDependentsButNotTheRest() async throws {
    let api = RecordingAPI()
    await api.store.seed(["id": "d1", "name": "Other", "type": "destination"])
    await api.store.fail("create New", with: Self.invalid)
    let plan = Plan(actions: [
      create("New", type: "transformation"),
      PlanAction(kind: .update, name: "Other", type: "destination", id: "d1", body: ["enabled": false]),
      PlanAction(
        kind: .reorder, name: "transformation", type: "transformation",
        reorder: [ReorderEntry(name: "New", id: nil, before: nil, after: 1)]),
      PlanAction(kind: .broadcast, name: "New", type: "transformation"),
    ])
    let report = await ApplyExecutor(api: api, desired: []).apply(plan)
    #expect(!report.succeeded)
    #expect(report.entries.map(\.outcome) == [.failed, .succeeded, .notAttempted, .notAttempted])
    #expect(report.entries[0].field == "inputs__url")
    #expect(report.entries[0].message?.contains("This field is required.") == true)
    #expect(await api.store.functions["d1"]?.enabled == false)
  }

  @Test func aCopyAnotherApplyCreatedFirstIsKeptAndThisRunsIsDeleted() async throws {
    let api = RecordingAPI()
    // Another apply created "New" a moment earlier.
    await api.store.seed([
      "id": "other", "name": "New", "type": "transformation", "created_at": "2025-01-01T00:00:00.000001Z",
    ])
    let plan = Plan(actions: [
      create("New", type: "transformation"),
      PlanAction(
        kind: .reorder, name: "transformation", type: "transformation",
        reorder: [ReorderEntry(name: "New", id: nil, before: nil, after: 1)]),
      PlanAction(kind: .broadcast, name: "New", type: "transformation"),
    ])
    let report = await ApplyExecutor(api: api, desired: [], parallelism: 1).apply(plan)
    #expect(report.succeeded)
    #expect(await api.store.calls == ["create New", "list", "delete id-1", "rearrange other=1"])
    #expect(await api.store.functions.keys.sorted() == ["other"])
    #expect(report.entries.map(\.outcome) == [.succeeded, .succeeded, .skipped])
    #expect(report.entries[0].id == "other")
    #expect(report.entries[0].message?.contains("id-1") == true)
  }

  @Test func theOldestCopyStaysWhenThisRunCreatedIt() async throws {
    let api = RecordingAPI()
    // Created after this run's copy (which has no timestamp here, so the id decides: "id-1" < "zz").
    await api.store.seed(["id": "zz", "name": "New", "type": "destination"])
    let report = await ApplyExecutor(api: api, desired: []).apply(Plan(actions: [create("New")]))
    #expect(report.succeeded)
    #expect(await api.store.calls == ["create New", "list"])
    #expect(report.entries[0].id == "id-1")
    #expect(report.entries[0].message == nil)
  }

  @Test func aCreateWhoseOutcomeCannotBeKnownIsCountedAsUnknownNotFailed() async throws {
    let api = RecordingAPI()
    await api.store.fail("create New", with: Self.lost, commitFirst: true)
    await api.store.fail("list", with: Self.serverError)
    let report = await ApplyExecutor(api: api, desired: []).apply(Plan(actions: [create("New")]))
    #expect(report.entries.map(\.outcome) == [.outcomeUnknown])
    #expect(report.count(.failed) == 0)
    #expect(report.entries[0].message?.contains("may or may not have been created") == true)
    let server = RecordingAPI()
    await server.store.fail("create New", with: Self.serverError)
    let answered = await ApplyExecutor(api: server, desired: []).apply(Plan(actions: [create("New")]))
    #expect(answered.entries.map(\.outcome) == [.outcomeUnknown])
  }

  @Test func aCreateWhoseAnswerWasLostIsAdoptedNotRepeated() async throws {
    let api = RecordingAPI()
    await api.store.fail("create New", with: Self.lost, commitFirst: true)
    let report = await ApplyExecutor(api: api, desired: []).apply(Plan(actions: [create("New")]))
    #expect(report.succeeded)
    // The second list looks for a copy another apply made at the same moment.
    #expect(await api.store.calls == ["create New", "list", "list"])
    #expect(await api.store.functions.count == 1)
    #expect(report.entries[0].id == "id-1")
  }

  @Test func aCreateThatCertainlyFailedIsSentOnceMore() async throws {
    let api = RecordingAPI()
    await api.store.fail("create New", with: Self.lost, commitFirst: false)
    let report = await ApplyExecutor(api: api, desired: []).apply(Plan(actions: [create("New")]))
    #expect(report.succeeded)
    #expect(await api.store.calls == ["create New", "list", "create New", "list"])
    #expect(await api.store.functions.count == 1)
  }

  @Test func aBroadcastWithALostAnswerIsOutcomeUnknownAndNotRetried() async throws {
    let api = RecordingAPI()
    await api.store.seed(["id": "d1", "name": "D", "type": "destination", "enabled": true])
    await api.store.fail("broadcast d1", with: Self.serverError)
    let plan = Plan(actions: [PlanAction(kind: .broadcast, name: "D", type: "destination", id: "d1")])
    let report = await ApplyExecutor(api: api, desired: []).apply(plan)
    #expect(report.entries[0].outcome == .outcomeUnknown)
    #expect(await api.store.calls == ["broadcast d1"])
  }

  @Test func secretValuesComeFromTheManifestsAtSendTime() async throws {
    let api = RecordingAPI()
    let plan = Plan(actions: [create("Hook", secrets: ["token"])])
    #expect(plan.actions[0].body?["inputs"] == nil)
    let manifests = [desired("Hook", inputs: ["token": ["value": "s3cret"]])]
    _ = await ApplyExecutor(api: api, desired: manifests).apply(plan)
    let stored = await api.store.functions["id-1"]
    #expect(stored?.raw["inputs"]?["token"]?["value"] == "s3cret")
  }

  @Test func progressIsReportedOncePerAction() async throws {
    let api = RecordingAPI()
    let seen = Counter()
    let plan = Plan(actions: [create("A"), create("B"), create("C")])
    let report = await ApplyExecutor(api: api, desired: [], parallelism: 2) { _ in seen.add() }
      .apply(plan)
    #expect(report.count(.succeeded) == 3)
    #expect(seen.value == 3)
  }
}

final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func add() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
}
