import HogctlJSON
import Manifests
import PostHogAPI

/// The difference between one manifest and its live function, after normalisation: the changed
/// fields for display and the PATCH body that makes the live function match.
struct FunctionDiff: Sendable {
  var changes: [FieldChange] = []
  var body: JSONObject = [:]
  var secretInputs: [String] = []

  init(desired: DesiredFunction, live: HogFunction, template: JSONValue?, rotateSecrets: Bool) {
    if live.name != desired.name {
      changes.append(
        FieldChange(path: "name", before: .value(.string(live.name)), after: .value(.string(desired.name))))
      body["name"] = .string(desired.name)
    }
    let managed = Normalizer.managedFields(of: desired)
    for field in managed where field != "inputs" {
      if Normalizer.isUnchanged(field, desired: desired.fields[field], live: live.raw[field]) { continue }
      let wanted = Normalizer.field(field, desired.fields[field])
      var current = Normalizer.field(field, live.raw[field])
      if field == "filters" {
        current = Normalizer.alignFilterNames(
          live: current, desiredRaw: desired.fields[field], desired: wanted)
      }
      guard wanted != current else { continue }
      changes.append(FieldChange(path: field, before: .value(current), after: .value(wanted)))
      body[field] = desired.fields[field] ?? Normalizer.manifestDefaults[field] ?? .null
    }
    if managed.contains("inputs") {
      diffInputs(desired: desired, live: live, template: template, rotateSecrets: rotateSecrets)
    }
    changes.sort { $0.path < $1.path }
  }

  private mutating func diffInputs(
    desired: DesiredFunction, live: HogFunction, template: JSONValue?, rotateSecrets: Bool
  ) {
    let schemas = Normalizer.InputSchemas(desired: desired, live: live, template: template)
    let schema = schemas.effective
    let secrets = schemas.secretKeys
    let ignored = Normalizer.ignoredInputKeys(of: desired)
    let excluded = ignored.isEmpty ? secrets : secrets.union(ignored)
    var inputChanged = false
    if !Normalizer.sameInputs(
      desired.fields["inputs"], live.raw["inputs"], schema: schema, excluding: excluded)
    {
      let wanted = Normalizer.inputs(desired.fields["inputs"], schema: schema, excluding: excluded)
      let current = Normalizer.inputs(live.raw["inputs"], schema: schema, excluding: excluded)
      for key in Set(wanted.keys).union(current.keys).sorted() where wanted[key] != current[key] {
        inputChanged = true
        changes.append(
          FieldChange(
            path: "inputs.\(key)", before: Normalizer.displayInput(current[key]),
            after: Normalizer.displayInput(wanted[key])))
      }
    }
    let liveInputs = live.raw["inputs"]?.objectValue ?? [:]
    let stored = Set(liveInputs.keys).intersection(secrets)
    let given = Normalizer.secretValuesGiven(desired, secretKeys: secrets).subtracting(ignored)
    let toSet = given.filter { rotateSecrets || !stored.contains($0) }
    for key in toSet.sorted() {
      inputChanged = true
      changes.append(
        FieldChange(
          path: "inputs.\(key)", before: stored.contains(key) ? .sensitive : .absent, after: .sensitive))
    }
    // A new schema changes what the server copies into inputs; sending them again keeps the
    // next plan empty.
    guard inputChanged || body["inputs_schema"] != nil else { return }
    body["inputs"] = .object(
      Self.inputsBody(
        desired: desired, liveInputs: liveInputs, secrets: secrets, stored: stored, toSet: toSet,
        ignored: ignored))
    secretInputs = toSet.sorted()
  }

  /// PostHog replaces the whole map on PATCH, so every input is sent: the manifest's values,
  /// live values for ignored inputs, `{"secret": true}` for stored secrets that stay. Secrets
  /// being set are left out here; `apply` adds their values from the manifest.
  static func inputsBody(
    desired: DesiredFunction, liveInputs: JSONObject, secrets: Set<String>,
    stored: Set<String>, toSet: Set<String>, ignored: Set<String>
  ) -> JSONObject {
    var result: JSONObject = [:]
    for (key, value) in desired.fields["inputs"]?.objectValue ?? [:]
    where !secrets.contains(key) && !ignored.contains(key) {
      result[key] = .object(Normalizer.longForm(value))
    }
    for key in ignored where !secrets.contains(key) {
      if let value = liveInputs[key] {
        var object = Normalizer.longForm(value)
        object["bytecode"] = nil
        object["order"] = nil
        result[key] = .object(object)
      }
    }
    for key in stored where !toSet.contains(key) { result[key] = ["secret": true] }
    return result
  }
}
