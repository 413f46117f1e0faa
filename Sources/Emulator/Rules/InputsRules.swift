import HogctlJSON

/// `inputs`, validated by walking the schema (not the inputs), as PostHog does.
enum InputsRules {
  static let secretMissingDetail = "No value is saved for this secret input. Enter the value again."
  static let templatedTypes: Set<String> = ["string", "dictionary", "json", "email"]

  /// The stored inputs map: keys not in the schema dropped, required values checked (a schema
  /// `default` fills a missing required value), per-type checks, `templating`, `bytecode` and
  /// `order` added. `stored` is the inputs map saved before this write: a secret input sent as the
  /// `{"secret": true}` marker, or left out, keeps its stored value.
  static func validate(
    _ sent: JSONValue, schema: [JSONObject], stored: JSONObject, path: [String]
  ) throws -> JSONObject {
    if sent.isNull { throw FieldErrors.null(path) }
    guard let sentInputs = sent.objectValue else { throw FieldErrors.notADictionary(sent, path) }
    var result: JSONObject = [:]
    var keys: [String] = []
    var dependencies: [String: Set<String>] = [:]
    for item in schema {
      guard let key = item["key"]?.stringValue else { continue }
      let itemPath = path + [key]
      let input =
        try resolved(
          sentInputs[key], secret: item["secret"]?.boolValue == true, stored: stored[key], path: itemPath)
        ?? [:]
      guard let validated = try validateValue(input, item: item, path: itemPath) else { continue }
      if result[key] == nil { keys.append(key) }
      result[key] = .object(validated.input)
      dependencies[key] = validated.dependencies
    }
    let order = try dependencyOrder(keys: keys, dependencies: dependencies, path: path)
    for (position, key) in order.enumerated() {
      result[key]?["order"] = .number(Double(position))
    }
    return result
  }

  /// The input object to validate for one schema item, applying the secret keep-marker rules;
  /// `nil` when nothing was sent (or, for a secret, stored).
  static func resolved(
    _ sent: JSONValue?, secret: Bool, stored: JSONValue?, path: [String]
  ) throws -> JSONObject? {
    let storedValue = stored?.objectValue.flatMap {
      $0["value"].map { value -> JSONObject in ["value": value] }
    }
    if sent == nil || sent == .object([:]) || sent == .null {
      return secret ? storedValue : nil
    }
    guard let object = sent?.objectValue else { throw FieldErrors.notAnObject(sent!, path) }
    if secret, object["secret"]?.boolValue == true {
      guard let storedValue else { throw FieldErrors.invalid(secretMissingDetail, path) }
      return storedValue
    }
    return object
  }

  /// Checks one input against its schema item; `nil` when it holds no value and needs none.
  static func validateValue(
    _ input: JSONObject, item: JSONObject, path: [String]
  ) throws -> (input: JSONObject, dependencies: Set<String>)? {
    var value = input["value"] ?? .null
    if value.isNull || value == "" {
      if item["required"]?.boolValue == true {
        guard let defaultValue = item["default"] else {
          throw FieldErrors.invalid("This field is required.", path)
        }
        value = defaultValue
      } else if value.isNull {
        return nil
      }
    }
    let type = item["type"]?.stringValue ?? "string"
    if isTruthy(value) { try checkType(value, type: type, path: path) }

    var output: JSONObject = ["value": value]
    switch item["templating"] {
    case .bool(true): output["templating"] = "hog"
    case .string(let language): output["templating"] = .string(language)
    case .bool(false): break
    default:
      if let language = input["templating"]?.stringValue, ["hog", "liquid"].contains(language) {
        output["templating"] = .string(language)
      }
    }
    var dependencies: Set<String> = []
    let templated = item["templating"] != .bool(false) && output["templating"] != "liquid"
    if isTruthy(value), templated, templatedTypes.contains(type) {
      var source = value
      if type == "email", case .object(var email) = value {
        email["design"] = nil
        source = .object(email)
      }
      output["bytecode"] = BytecodePlaceholder.template(source)
      dependencies = InputReferences.referenced(in: source)
    }
    return (output, dependencies)
  }

  /// PostHog skips type checks for empty values (`null`, `false`, `0`, `""`, `[]`, `{}`).
  static func isTruthy(_ value: JSONValue) -> Bool {
    switch value {
    case .null: false
    case .bool(let flag): flag
    case .number(let number): number != 0
    case .string(let text): !text.isEmpty
    case .array(let items): !items.isEmpty
    case .object(let members): !members.isEmpty
    }
  }

  static func checkType(_ value: JSONValue, type: String, path: [String]) throws {
    switch type {
    case "string":
      guard value.stringValue != nil else { throw FieldErrors.invalid("Value must be a string.", path) }
    case "number":
      guard value.numberValue != nil else { throw FieldErrors.invalid("Value must be a number.", path) }
    case "boolean":
      guard value.boolValue != nil || value.stringValue != nil else {
        throw FieldErrors.invalid("Value must be a boolean or a template string.", path)
      }
    case "dictionary":
      guard value.objectValue != nil else { throw FieldErrors.invalid("Value must be a dictionary.", path) }
    case "integration":
      guard value.intValue != nil else { throw FieldErrors.invalid("Value must be an Integration ID.", path) }
    case "email":
      try checkEmail(value, path: path)
    default:
      break
    }
  }

  static func checkEmail(_ value: JSONValue, path: [String]) throws {
    guard let email = value.objectValue else {
      throw FieldErrors.invalid("Value must be an email object.", path)
    }
    for key in ["from", "to", "subject"] where !isTruthy(email[key] ?? .null) {
      throw FieldErrors.invalid("Missing value for '\(key)'.", path)
    }
    if !isTruthy(email["text"] ?? .null), !isTruthy(email["html"] ?? .null) {
      throw FieldErrors.invalid("Either 'text' or 'html' is required.", path)
    }
  }

  /// Kahn's sort of the keys (schema order breaks ties) so that an input comes after the inputs
  /// its templates read.
  static func dependencyOrder(
    keys: [String], dependencies: [String: Set<String>], path: [String]
  ) throws -> [String] {
    let present = Set(keys)
    var waiting = dependencies.mapValues { $0.intersection(present) }
    var sorted: [String] = []
    var queue = keys.filter { waiting[$0, default: []].isEmpty }
    while !queue.isEmpty {
      let current = queue.removeFirst()
      sorted.append(current)
      for key in keys where waiting[key]?.contains(current) == true {
        waiting[key]?.remove(current)
        if waiting[key]?.isEmpty == true { queue.append(key) }
      }
    }
    guard sorted.count == keys.count else {
      throw FieldErrors.invalid("Circular dependency detected in input_deps.", path)
    }
    return sorted
  }
}
