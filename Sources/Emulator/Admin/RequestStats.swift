import HogctlJSON

/// Counts of API requests by method and route template, of responses by status (or "dropped"),
/// and which secret input keys arrived with a value per function. Secret values are never kept.
actor RequestStats {
  private var requests: [String: Int] = [:]
  private var outcomes: [String: Int] = [:]
  private var total = 0
  private var secretInputs: [String: [String: Int]] = [:]

  func count(method: String, path: String) {
    requests["\(method) \(RouteTemplate.template(for: path))", default: 0] += 1
    total += 1
  }

  /// A response's status code as text, or "dropped" for a connection cut without one.
  func count(outcome: String) {
    outcomes[outcome, default: 0] += 1
  }

  func secretKeysReceived(_ keys: [String], functionID: String) {
    for key in keys { secretInputs[functionID, default: [:]][key, default: 0] += 1 }
  }

  func reset() {
    requests = [:]
    outcomes = [:]
    total = 0
    secretInputs = [:]
  }

  var json: JSONValue {
    [
      "total": .number(Double(total)),
      "requests": .object(JSONObject(requests.mapValues { .number(Double($0)) })),
      "responses": .object(JSONObject(outcomes.mapValues { .number(Double($0)) })),
      "secret_inputs": .object(
        JSONObject(
          secretInputs.mapValues { keys in .object(JSONObject(keys.mapValues { .number(Double($0)) })) })),
    ]
  }
}

/// The secret input keys a create or update body carried a value for: schema items with
/// `secret: true` whose input has a `value` and is not the `{"secret": true}` keep-marker.
enum SecretInputKeys {
  static func received(body: JSONObject, schema: JSONValue?) -> [String] {
    guard let inputs = body["inputs"]?.objectValue else { return [] }
    let secretKeys = (schema?.arrayValue ?? []).compactMap { item -> String? in
      item["secret"]?.boolValue == true ? item["key"]?.stringValue : nil
    }
    return secretKeys.filter { key in
      guard let input = inputs[key]?.objectValue, let value = input["value"], !value.isNull else {
        return false
      }
      return input["secret"]?.boolValue != true
    }.sorted()
  }
}
