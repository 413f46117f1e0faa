import HogctlJSON

/// An `inputs` map with the manifest's own `inputs_schema` beside it: the function's, or one
/// mapping's. Input rules only run where the schema is in the manifest (a template's schema is
/// not known offline).
struct InputScope {
  var function: ParsedFunction
  var schema: [JSONObject]
  var inputs: JSONObject
  /// `inputs` or `mappings[0].inputs`.
  var inputsPath: String

  func schemaItem(_ key: String) -> JSONObject? {
    schema.first { $0["key"]?.stringValue == key }
  }

  func inputPath(_ key: String) -> String { LocationIndex.child(inputsPath, key) }

  /// The value an input holds, `nil` when the key is absent.
  func value(_ key: String) -> JSONValue? {
    inputs[key].map { $0["value"] ?? .null }
  }

  func isTagged(_ key: String) -> Bool { function.taggedInputs[inputPath(key)] != nil }
}

extension ParsedFunction {
  var inputScopes: [InputScope] {
    var scopes: [InputScope] = []
    if let schema = value["inputs_schema"]?.arrayValue {
      scopes.append(
        InputScope(
          function: self, schema: schema.compactMap(\.objectValue),
          inputs: value["inputs"]?.objectValue ?? [:],
          inputsPath: "inputs"))
    }
    for (index, mapping) in (value["mappings"]?.arrayValue ?? []).enumerated() {
      guard let schema = mapping["inputs_schema"]?.arrayValue else { continue }
      scopes.append(
        InputScope(
          function: self, schema: schema.compactMap(\.objectValue),
          inputs: mapping["inputs"]?.objectValue ?? [:],
          inputsPath: "mappings[\(index)].inputs"))
    }
    return scopes
  }
}
