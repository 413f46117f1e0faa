import HogctlJSON
import Manifests
import PostHogAPI

/// Which of a plan's values must never be shown or stored. A field is sensitive by origin when
/// its manifest value came from `!env`, and by value when either side holds a sensitive value
/// (the API key, any `!env` value, a secret input's value) anywhere inside it, as a live value
/// read back from PostHog may. A plan shows such a side as `(sensitive value)` and still shows
/// that it changes; its body leaves the value out for `apply` to take from the manifest.
struct Sensitivity: Sendable {
  /// Longest first; values shorter than `Redactor.minimumSecretLength` are left out, as they
  /// would match everywhere (origin still covers them).
  let values: [String]

  init(_ values: some Sequence<String>) {
    self.values = Set(values).filter { $0.count >= Redactor.minimumSecretLength }
      .sorted { $0.count > $1.count }
  }

  var isEmpty: Bool { values.isEmpty }

  /// Whether a sensitive value occurs in any string, key or number inside `value`.
  func occurs(in value: JSONValue?) -> Bool {
    guard !values.isEmpty, let value else { return false }
    switch value {
    case .null, .bool: return false
    case .string(let text): return values.contains { text.contains($0) }
    case .number: return values.contains(value.serialized())
    case .array(let items): return items.contains { occurs(in: $0) }
    case .object(let members):
      return members.contains { key, member in
        values.contains { key.contains($0) } || occurs(in: member)
      }
    }
  }

  /// `value` as a plan may show it: `.sensitive` when `hidden` or a sensitive value occurs in it.
  func shown(_ value: PlanValue, hidden: Bool) -> PlanValue {
    guard case .value(let json) = value else { return value }
    return hidden || occurs(in: json) ? .sensitive : value
  }

  /// Whether `field` (`description`, `inputs.url`) must not be shown or stored for `desired`.
  func isSensitive(_ field: String, of desired: DesiredFunction, value: JSONValue?) -> Bool {
    desired.sensitiveFields.contains(field) || occurs(in: value)
  }

  /// Takes the sensitive fields and inputs out of a create or update body: `apply` puts the
  /// manifest's values back right before it sends the request (see `PlanAction.requestBody`).
  func strip(_ action: inout PlanAction, desired: DesiredFunction) {
    guard var body = action.body, !(desired.sensitiveFields.isEmpty && isEmpty) else { return }
    let identity: Set = ["name", "type", "template_id", "inputs", "deleted"]
    for (field, value) in body where !identity.contains(field) {
      if isSensitive(field, of: desired, value: value) {
        body[field] = nil
        action.sensitiveFields.append(field)
      }
    }
    if var inputs = body["inputs"]?.objectValue {
      for (key, value) in inputs where isSensitive("inputs.\(key)", of: desired, value: value) {
        inputs[key] = nil
        if !action.secretInputs.contains(key) { action.secretInputs.append(key) }
      }
      body["inputs"] = .object(inputs)
    }
    action.sensitiveFields.sort()
    action.secretInputs.sort()
    action.body = body
  }
}
