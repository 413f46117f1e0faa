import Foundation
import HogctlJSON

/// DRF's scalar field parsing: what each field type accepts and the error it raises otherwise.
enum FieldParsers {
  /// A `CharField`: strings, and numbers turned into text (DRF accepts those); booleans, lists and
  /// objects are rejected.
  static func string(
    _ value: JSONValue, _ path: [String], allowBlank: Bool = true, maxLength: Int? = nil
  ) throws -> String {
    let text: String
    switch value {
    case .string(let string): text = string
    case .number(let number): text = value.intValue.map(String.init) ?? String(number)
    case .null: throw FieldErrors.null(path)
    default: throw FieldErrors.notAString(path)
    }
    if !allowBlank, text.allSatisfy(\.isWhitespace) { throw FieldErrors.blank(path) }
    if let maxLength, text.count > maxLength { throw FieldErrors.maxLength(maxLength, path) }
    return text
  }

  /// A `CharField(allow_null=True)`.
  static func optionalString(_ value: JSONValue, _ path: [String]) throws -> JSONValue {
    value.isNull ? .null : .string(try string(value, path))
  }

  static let trueTexts: Set<String> = ["true", "t", "yes", "y", "on", "1"]
  static let falseTexts: Set<String> = ["false", "f", "no", "n", "off", "0"]

  /// A `BooleanField`: booleans, 0/1, and DRF's true/false words (`"false"`, `"True"`, `"1"`, ...).
  static func boolean(_ value: JSONValue, _ path: [String]) throws -> Bool {
    switch value {
    case .bool(let flag): return flag
    case .number where value.intValue == 1: return true
    case .number where value.intValue == 0: return false
    case .string(let text) where trueTexts.contains(text.lowercased()): return true
    case .string(let text) where falseTexts.contains(text.lowercased()): return false
    case .null: throw FieldErrors.null(path)
    default: throw FieldErrors.notABoolean(path)
    }
  }

  /// An `IntegerField` with optional bounds: integral numbers and integer strings.
  static func integer(_ value: JSONValue, _ path: [String], min: Int? = nil, max: Int? = nil) throws -> Int {
    let number: Int
    switch value {
    case .number:
      guard let int = value.intValue else { throw FieldErrors.notAnInteger(path) }
      number = int
    case .string(let text):
      guard let int = Int(text.trimmingCharacters(in: .whitespaces)) else {
        throw FieldErrors.notAnInteger(path)
      }
      number = int
    case .null: throw FieldErrors.null(path)
    default: throw FieldErrors.notAnInteger(path)
    }
    if let min, number < min { throw FieldErrors.minValue(min, path) }
    if let max, number > max { throw FieldErrors.maxValue(max, path) }
    return number
  }

  /// A `ChoiceField` over string choices.
  static func choice(_ value: JSONValue, _ path: [String], in choices: [String]) throws -> String {
    if value.isNull { throw FieldErrors.null(path) }
    guard let text = value.stringValue, choices.contains(text) else {
      throw FieldErrors.invalidChoice(value, path)
    }
    return text
  }

  /// A `ListField` of objects.
  static func objectList(_ value: JSONValue, _ path: [String]) throws -> [JSONObject] {
    if value.isNull { throw FieldErrors.null(path) }
    guard let items = value.arrayValue else { throw FieldErrors.notAList(value, path) }
    return try items.enumerated().map { index, item in
      guard let object = item.objectValue else {
        throw FieldErrors.notADictionary(item, path + [String(index)])
      }
      return object
    }
  }
}
