import HogctlJSON
import Manifests

extension PlanAction {
  /// The body to send, with the values of `secretInputs` and `sensitiveFields` taken from the
  /// manifest. Only `apply` calls this, right before the request; the result must never be
  /// stored or printed.
  public func requestBody(with desired: DesiredFunction?) -> JSONObject? {
    guard var body, !(secretInputs.isEmpty && sensitiveFields.isEmpty) else { return body }
    for field in sensitiveFields {
      body[field] = desired?.fields[field] ?? Normalizer.manifestDefaults[field] ?? .null
    }
    guard !secretInputs.isEmpty else { return body }
    var inputs = body["inputs"]?.objectValue ?? [:]
    let given = desired?.fields["inputs"]?.objectValue ?? [:]
    for key in secretInputs {
      if let value = given[key] { inputs[key] = .object(Normalizer.longForm(value)) }
    }
    body["inputs"] = .object(inputs)
    return body
  }
}
