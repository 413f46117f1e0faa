import Foundation
import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler
import Testing

/// Values from `!env`, the API key and secrets never reach a plan's changes or bodies.
@Suite struct SensitivityTests {
  static let key = "phx_the_api_key_value"

  static func desiredFromEnvironment() -> DesiredFunction {
    var function = Fixtures.minimalDesired("Hook")
    function.fields["description"] = "token-from-env"
    function.fields["inputs"] = ["url": ["value": "https://example.com/token-from-env"]]
    function.fields["inputs_schema"] = [["key": "url", "type": "string"]]
    function.sensitiveFields = ["description"]
    function.sensitiveValues = ["token-from-env"]
    return function
  }

  @Test func aCreateHidesSensitiveFieldsAndApplyPutsThemBack() throws {
    let desired = Self.desiredFromEnvironment()
    let plan = try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [])
    let create = try #require(plan.actions.first)
    #expect(create.changes.first { $0.path == "description" }?.after == .sensitive)
    // By value: the input holds the `!env` value inside a longer string.
    #expect(create.changes.first { $0.path == "inputs.url" }?.after == .sensitive)
    #expect(create.changes.first { $0.path == "enabled" }?.after == .value(true))
    #expect(create.body?["description"] == nil)
    #expect(create.body?["inputs"]?["url"] == nil)
    #expect(create.sensitiveFields == ["description"])
    #expect(create.secretInputs == ["url"])
    let saved = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
    #expect(!saved.contains("token-from-env"))
    let sent = try #require(create.requestBody(with: desired))
    #expect(sent["description"] == "token-from-env")
    #expect(sent["inputs"]?["url"]?["value"] == "https://example.com/token-from-env")
  }

  @Test func anUpdateShowsThatASensitiveFieldChangesWithoutItsValues() throws {
    let desired = Self.desiredFromEnvironment()
    let live = Fixtures.minimalLive(id: "h1", name: "Hook")
    let plan = try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [live])
    let update = try #require(plan.actions.first)
    let change = try #require(update.changes.first { $0.path == "description" })
    #expect(change.before == .sensitive && change.after == .sensitive)
    #expect(update.body?["description"] == nil)
    #expect(update.requestBody(with: desired)?["description"] == "token-from-env")
  }

  @Test func liveValuesHoldingTheAPIKeyAreHidden() throws {
    var live = Fixtures.minimalLive(id: "h1", name: "Hook")
    live.raw["description"] = .string("someone pasted \(Self.key) here")
    let plan = try Planner.plan(
      desired: [Fixtures.minimalDesired("Hook")], settings: ProjectSettings(), live: [live],
      options: PlanOptions(sensitiveValues: [Self.key]))
    let change = try #require(plan.actions.first?.changes.first { $0.path == "description" })
    #expect(change.before == .sensitive)
    #expect(change.after == .value(""))
  }

  @Test func withoutSensitiveValuesThePlanIsUnchanged() throws {
    var desired = Fixtures.minimalDesired("Hook")
    desired.fields["description"] = "plain"
    let plan = try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [])
    #expect(plan.actions.first?.changes.first { $0.path == "description" }?.after == .value("plain"))
    #expect(plan.actions.first?.sensitiveFields == [])
  }
}
