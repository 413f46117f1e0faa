import HogctlJSON
import Manifests
import PostHogAPI

extension Planner {
  /// A create: the POST body with `name`, `type`, `template_id` and every managed field; secret
  /// inputs with a value are left out of the body and listed in `secretInputs`.
  static func createAction(
    _ desired: DesiredFunction, template: JSONValue?, executionOrder: Int?
  ) -> PlanAction {
    var body = desired.fields
    body["name"] = .string(desired.name)
    body["type"] = .string(desired.type)
    if let templateID = desired.templateID { body["template_id"] = .string(templateID) }
    if let executionOrder { body["execution_order"] = .number(Double(executionOrder)) }
    let secrets = Normalizer.secretKeys(desired: desired, live: nil, template: template)
    let given = Normalizer.secretValuesGiven(desired, secretKeys: secrets)
    var changes = [FieldChange(path: "id", before: .absent, after: .knownAfterApply)]
    for (field, value) in body where field != "inputs" && field != "name" && field != "type" {
      changes.append(FieldChange(path: field, before: .absent, after: .value(value)))
    }
    if let inputs = body["inputs"]?.objectValue {
      var sent: JSONObject = [:]
      for (key, value) in inputs {
        if given.contains(key) {
          changes.append(FieldChange(path: "inputs.\(key)", before: .absent, after: .sensitive))
        } else if !secrets.contains(key) {
          sent[key] = .object(Normalizer.longForm(value))
          changes.append(
            FieldChange(
              path: "inputs.\(key)", before: .absent,
              after: Normalizer.displayInput(.object(Normalizer.longForm(value)))))
        }
      }
      body["inputs"] = .object(sent)
    }
    return PlanAction(
      kind: .create, name: desired.name, type: desired.type, manifest: location(desired),
      changes: changes.sorted { $0.path < $1.path }, body: body, secretInputs: given.sorted())
  }

  static func deleteAction(_ live: HogFunction, reason: String, manifest: String?) -> PlanAction {
    var changes = [FieldChange(path: "id", before: .value(.string(live.id)), after: .absent)]
    if let enabled = live.raw["enabled"] {
      changes.append(
        FieldChange(path: "enabled", before: .value(Normalizer.field("enabled", enabled)), after: .absent))
    }
    return PlanAction(
      kind: .delete, name: live.name, type: live.type, id: live.id, reason: reason,
      manifest: manifest, changes: changes, body: ["deleted": true])
  }

  static func location(_ desired: DesiredFunction) -> String {
    "\(desired.location.file):\(desired.location.line)"
  }

  /// Whether a function will be enabled after apply (PostHog refuses broadcasts otherwise).
  static func willBeEnabled(_ desired: DesiredFunction, live: HogFunction?) -> Bool {
    if desired.ignoreChanges.contains("enabled"), let live { return live.enabled }
    return Normalizer.field("enabled", desired.fields["enabled"]) == true
  }
}
