import Foundation
import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler
import Testing

@Suite struct SecretTests {
  static let secretValue = "xoxb-super-secret-7f3a"
  static let schema: JSONValue = [
    ["type": "string", "key": "url", "required": true],
    ["type": "string", "key": "token", "secret": true],
  ]

  static func desired() -> DesiredFunction {
    var function = Fixtures.minimalDesired("Hook")
    function.fields["inputs_schema"] = schema
    function.fields["inputs"] = ["url": "https://example.com", "token": ["value": .string(secretValue)]]
    return function
  }

  static func live(tokenStored: Bool) -> HogFunction {
    var function = Fixtures.minimalLive(id: "f1", name: "Hook")
    function.raw["inputs_schema"] = Normalizer.inputsSchema(schema)
    var inputs: JSONObject = ["url": ["value": "https://example.com", "order": 0]]
    if tokenStored { inputs["token"] = ["secret": true] }
    function.raw["inputs"] = .object(inputs)
    return function
  }

  @Test func aStoredSecretIsNoChange() throws {
    let plan = try Planner.plan(
      desired: [Self.desired()], settings: ProjectSettings(), live: [Self.live(tokenStored: true)])
    #expect(plan.actions.isEmpty)
  }

  @Test func aSecretWithNothingStoredIsSetWithoutItsValueInThePlan() throws {
    let plan = try Planner.plan(
      desired: [Self.desired()], settings: ProjectSettings(), live: [Self.live(tokenStored: false)])
    let update = try #require(plan.actions.first)
    #expect(update.changes == [FieldChange(path: "inputs.token", before: .absent, after: .sensitive)])
    #expect(update.secretInputs == ["token"])
    #expect(update.body?["inputs"] == ["url": ["value": "https://example.com"]])
    let sent = update.requestBody(with: Self.desired())
    #expect(sent?["inputs"]?["token"] == ["value": .string(Self.secretValue)])
  }

  @Test func rotateSecretsSendsAStoredSecretAgain() throws {
    let plan = try Planner.plan(
      desired: [Self.desired()], settings: ProjectSettings(), live: [Self.live(tokenStored: true)],
      options: PlanOptions(rotateSecrets: true))
    let update = try #require(plan.actions.first)
    #expect(update.changes == [FieldChange(path: "inputs.token", before: .sensitive, after: .sensitive)])
    #expect(update.secretInputs == ["token"])
  }

  @Test func aCreateKeepsTheSecretOutOfTheBody() throws {
    let plan = try Planner.plan(desired: [Self.desired()], settings: ProjectSettings(), live: [])
    let create = try #require(plan.actions.first)
    #expect(create.kind == .create)
    #expect(create.secretInputs == ["token"])
    #expect(create.body?["inputs"]?["token"] == nil)
    #expect(create.changes.contains(FieldChange(path: "inputs.token", before: .absent, after: .sensitive)))
    #expect(
      create.requestBody(with: Self.desired())?["inputs"]?["token"]?["value"] == .string(Self.secretValue))
  }

  @Test func aTemplateSecretIsSecretToo() throws {
    var desired = Self.desired()
    desired.fields["inputs_schema"] = nil
    desired.templateID = "template-hook"
    let template: JSONValue = ["id": "template-hook", "inputs_schema": Self.schema]
    let plan = try Planner.plan(
      desired: [desired], settings: ProjectSettings(), live: [], templates: ["template-hook": template])
    #expect(plan.actions.first?.secretInputs == ["token"])
  }

  @Test func theSavedPlanHoldsNoSecretValue() throws {
    let plan = try Planner.plan(
      desired: [Self.desired()], settings: ProjectSettings(), live: [Self.live(tokenStored: false)])
    let encoder = JSONEncoder()
    let text = String(decoding: try encoder.encode(plan), as: UTF8.self)
    #expect(!text.contains(Self.secretValue))
    let created = try Planner.plan(desired: [Self.desired()], settings: ProjectSettings(), live: [])
    #expect(!String(decoding: try encoder.encode(created), as: UTF8.self).contains(Self.secretValue))
  }

  @Test func theManifestDigestIgnoresSecretValues() {
    var other = Self.desired()
    other.fields["inputs"]?["token"] = ["value": "another-secret"]
    let settings = ProjectSettings()
    #expect(
      PlanFingerprint.digest(desired: [Self.desired()], settings: settings, templates: [:])
        == PlanFingerprint.digest(desired: [other], settings: settings, templates: [:]))
    other.fields["inputs"]?["url"] = "https://changed.example.com"
    #expect(
      PlanFingerprint.digest(desired: [Self.desired()], settings: settings, templates: [:])
        != PlanFingerprint.digest(desired: [other], settings: settings, templates: [:]))
  }
}

@Suite struct LoaderSecretKeyTests {
  @Test func secretInputKeysFromTheLoaderAreSecret() throws {
    var desired = Fixtures.minimalDesired("Hook")
    desired.fields["inputs"] = ["token": ["value": "from-env-value"]]
    desired.secretInputKeys = ["token"]
    let plan = try Planner.plan(desired: [desired], settings: ProjectSettings(), live: [])
    #expect(plan.actions.first?.secretInputs == ["token"])
    #expect(plan.actions.first?.body?["inputs"] == [:])
  }
}
