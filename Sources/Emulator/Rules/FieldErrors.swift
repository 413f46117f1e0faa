import HogctlJSON

/// The field errors Django REST framework would raise, with its messages and codes (PostHog
/// reports DRF's generic `invalid` code as `invalid_input`). `path` is the field path; it becomes
/// the `__`-joined `attr`.
enum FieldErrors {
  static func attr(_ path: [String]) -> String? { path.isEmpty ? nil : path.joined(separator: "__") }

  static func invalid(_ detail: String, _ path: [String]) -> EmulatorError {
    EmulatorError.validation(detail, attr: attr(path))
  }

  static func required(_ path: [String]) -> EmulatorError {
    EmulatorError.validation("This field is required.", attr: attr(path), code: "required")
  }

  static func null(_ path: [String]) -> EmulatorError {
    EmulatorError.validation("This field may not be null.", attr: attr(path), code: "null")
  }

  static func blank(_ path: [String]) -> EmulatorError {
    EmulatorError.validation("This field may not be blank.", attr: attr(path), code: "blank")
  }

  static func notAString(_ path: [String]) -> EmulatorError {
    invalid("Not a valid string.", path)
  }

  static func notABoolean(_ path: [String]) -> EmulatorError {
    invalid("Must be a valid boolean.", path)
  }

  static func notAnInteger(_ path: [String]) -> EmulatorError {
    invalid("A valid integer is required.", path)
  }

  static func invalidChoice(_ value: JSONValue, _ path: [String]) -> EmulatorError {
    EmulatorError.validation(
      "\"\(pythonText(value))\" is not a valid choice.", attr: attr(path), code: "invalid_choice")
  }

  static func notAList(_ value: JSONValue, _ path: [String]) -> EmulatorError {
    EmulatorError.validation(
      "Expected a list of items but got type \"\(pythonType(value))\".", attr: attr(path),
      code: "not_a_list")
  }

  static func notADictionary(_ value: JSONValue, _ path: [String]) -> EmulatorError {
    EmulatorError.validation(
      "Expected a dictionary of items but got type \"\(pythonType(value))\".", attr: attr(path),
      code: "not_a_dict")
  }

  /// A nested serializer given something other than an object.
  static func notAnObject(_ value: JSONValue, _ path: [String]) -> EmulatorError {
    invalid("Invalid data. Expected a dictionary, but got \(pythonType(value)).", path)
  }

  static func maxLength(_ limit: Int, _ path: [String]) -> EmulatorError {
    EmulatorError.validation(
      "Ensure this field has no more than \(limit) characters.", attr: attr(path), code: "max_length")
  }

  static func minValue(_ limit: Int, _ path: [String]) -> EmulatorError {
    EmulatorError.validation(
      "Ensure this value is greater than or equal to \(limit).", attr: attr(path), code: "min_value")
  }

  static func maxValue(_ limit: Int, _ path: [String]) -> EmulatorError {
    EmulatorError.validation(
      "Ensure this value is less than or equal to \(limit).", attr: attr(path), code: "max_value")
  }

  /// The name Python gives the type of a decoded JSON value, as DRF messages show it.
  static func pythonType(_ value: JSONValue) -> String {
    switch value {
    case .null: "NoneType"
    case .bool: "bool"
    case .number: value.intValue == nil ? "float" : "int"
    case .string: "str"
    case .array: "list"
    case .object: "dict"
    }
  }

  /// `str(value)` in Python, as DRF's choice errors print it.
  static func pythonText(_ value: JSONValue) -> String {
    switch value {
    case .null: "None"
    case .bool(let flag): flag ? "True" : "False"
    case .string(let text): text
    default: value.serialized()
    }
  }
}
