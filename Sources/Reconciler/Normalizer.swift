import Foundation
import HogctlJSON

/// The one place that turns live functions (as the API returns them) and desired ones (as
/// manifests declare them) into values that compare equal exactly when applying would change
/// nothing. Every rule here is documented in docs/plan.md, "Normalisation".
public enum Normalizer {
  /// Read-only or write-only fields the server computes or never returns; never diffed.
  public static let serverDerivedFields: Set<String> = [
    "id", "bytecode", "transpiled", "status", "template", "created_at", "created_by", "updated_at",
    "deleted", "template_id", "_create_in_folder",
  ]

  /// Fields a template fills on create; left out of a manifest that names a template, they are
  /// left as they are live.
  public static let templateFilledFields: Set<String> = [
    "hog", "inputs_schema", "icon_url", "description",
  ]

  /// The API's value for a field a manifest leaves out (`enabled` follows the manifest's
  /// default, `true`).
  public static let manifestDefaults: JSONObject = [
    "description": "", "enabled": true, "filters": [:], "masking": nil, "mappings": nil,
    "inputs": [:], "icon_url": nil, "inputs_schema": [],
  ]

  /// One top-level field in comparable form. `inputs` is handled by `inputs(_:schema:)`, which
  /// needs the schema.
  public static func field(_ key: String, _ value: JSONValue?) -> JSONValue {
    let value = value ?? manifestDefaults[key] ?? .null
    switch key {
    case "hog": return value.stringValue.map { .string(hog($0)) } ?? value
    case "description": return value.isNull ? "" : value
    case "enabled": return enabled(value)
    case "inputs_schema": return inputsSchema(value)
    case "filters": return filters(value)
    case "masking": return masking(value)
    case "mappings": return mappings(value)
    default: return value
    }
  }

  /// PostHog strips white space around `hog`; lines' trailing white space is not significant to
  /// Hog either, so both are ignored.
  public static func hog(_ text: String) -> String {
    if let trimmed = hogFastPath(text) { return trimmed }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.lastIndex { !$0.isWhitespace }.map { line[...$0] } ?? ""
    }
    let joined = lines.joined(separator: "\n")
    guard let first = joined.firstIndex(where: { !$0.isWhitespace }),
      let last = joined.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(joined[first...last])
  }

  /// The common case, decided on bytes: code whose lines end in printable ASCII, followed by
  /// nothing but newlines, needs only those newlines dropped. Anything else (trailing spaces,
  /// `\r\n`, leading or Unicode white space) takes the general path.
  private static func hogFastPath(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { hogFastPathLength($0) }.map {
      String(decoding: text.utf8.prefix($0), as: UTF8.self)
    }
  }

  /// How many bytes the fast path keeps, or nil when the text needs the general path.
  private static func hogFastPathLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let printable: ClosedRange<UInt8> = 0x21...0x7E
    guard let first = bytes.first, printable.contains(first) else { return nil }
    var end = bytes.count
    while end > 0, bytes[end - 1] == 0x0A { end -= 1 }
    var previous: UInt8 = 0x0A
    for byte in bytes[..<end] {
      if byte == 0x0A, previous != 0x0A, !printable.contains(previous) { return nil }
      previous = byte
    }
    guard printable.contains(previous) else { return nil }
    return end
  }

  /// Whether a field is certainly the same on both sides once normalised, found without
  /// building the normalised values where that is cheap (`hog`, `inputs_schema`). False means
  /// the normalised values must be compared.
  static func isUnchanged(_ field: String, desired: JSONValue?, live: JSONValue?) -> Bool {
    switch field {
    case "hog":
      guard let wanted = desired?.stringValue, let current = live?.stringValue else { return false }
      return sameHog(wanted, current)
    case "inputs_schema":
      return sameInputsSchema(desired, live)
    default:
      return false
    }
  }

  /// Whether two `hog` texts are the same once normalised, without building either when both
  /// take the fast path (the common case in a plan, where most functions are unchanged).
  public static func sameHog(_ left: String, _ right: String) -> Bool {
    var (left, right) = (left, right)
    let fast = left.withUTF8 { leftBytes in
      right.withUTF8 { rightBytes -> Bool? in
        guard let leftEnd = hogFastPathLength(leftBytes), let rightEnd = hogFastPathLength(rightBytes) else {
          return nil
        }
        // Equal bytes are equal text; different bytes may still be canonically equivalent.
        if leftEnd == rightEnd, memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftEnd) == 0 {
          return true
        }
        return String(decoding: leftBytes[..<leftEnd], as: UTF8.self)
          == String(decoding: rightBytes[..<rightEnd], as: UTF8.self)
      }
    }
    return fast ?? (hog(left) == hog(right))
  }

  /// `enabled` accepts the strings `"true"`/`"false"`.
  static func enabled(_ value: JSONValue) -> JSONValue {
    switch value.stringValue?.lowercased() {
    case "true": true
    case "false": false
    default: value
    }
  }

  /// The flags of a schema item that responses always carry, `false` when not set.
  static let schemaItemFlags = ["required", "secret", "hidden"]

  /// Schema items get `required`, `secret` and `hidden` filled with `false`, as responses do.
  public static func inputsSchema(_ value: JSONValue) -> JSONValue {
    guard let list = value.arrayValue else { return value.isNull ? [] : value }
    return .array(
      list.map { item in
        guard case .object(var object) = item else { return item }
        for flag in schemaItemFlags where object[flag] == nil || object[flag] == .null {
          object[flag] = false
        }
        return .object(object)
      })
  }

  /// Whether two `inputs_schema` values are equal once normalised, without building either:
  /// the lists are walked item by item and each pair of items member by member (both sorted by
  /// key), a missing or null flag counting as `false`.
  public static func sameInputsSchema(_ left: JSONValue?, _ right: JSONValue?) -> Bool {
    let left = left ?? manifestDefaults["inputs_schema"] ?? .null
    let right = right ?? manifestDefaults["inputs_schema"] ?? .null
    guard case .array(let leftItems) = left, case .array(let rightItems) = right else {
      return inputsSchema(left) == inputsSchema(right)
    }
    guard leftItems.count == rightItems.count else { return false }
    for (leftItem, rightItem) in zip(leftItems, rightItems) {
      guard case .object(let leftObject) = leftItem, case .object(let rightObject) = rightItem else {
        guard leftItem == rightItem else { return false }
        continue
      }
      guard sameSchemaItem(leftObject, rightObject) else { return false }
    }
    return true
  }

  private static func sameSchemaItem(_ left: JSONObject, _ right: JSONObject) -> Bool {
    func flagValue(_ value: JSONValue) -> JSONValue { value.isNull ? false : value }
    func isFlag(_ key: String) -> Bool { schemaItemFlags.contains(key) }
    var (leftIndex, rightIndex) = (left.startIndex, right.startIndex)
    while leftIndex < left.endIndex || rightIndex < right.endIndex {
      if rightIndex == right.endIndex
        || (leftIndex < left.endIndex && left[leftIndex].key < right[rightIndex].key)
      {
        // On the left only: equal only as a flag that normalises to the missing flag's `false`.
        let member = left[leftIndex]
        guard isFlag(member.key), flagValue(member.value) == false else { return false }
        leftIndex += 1
      } else if leftIndex == left.endIndex || right[rightIndex].key < left[leftIndex].key {
        let member = right[rightIndex]
        guard isFlag(member.key), flagValue(member.value) == false else { return false }
        rightIndex += 1
      } else {
        let (key, leftValue, rightValue) = (
          left[leftIndex].key, left[leftIndex].value, right[rightIndex].value
        )
        let same = isFlag(key) ? flagValue(leftValue) == flagValue(rightValue) : leftValue == rightValue
        guard same else { return false }
        leftIndex += 1
        rightIndex += 1
      }
    }
    return true
  }

  /// `masking`: the server's `bytecode` dropped, a null `threshold` the same as none.
  public static func masking(_ value: JSONValue) -> JSONValue {
    guard case .object(var object) = value else { return value }
    object["bytecode"] = nil
    if object["threshold"]?.isNull == true { object["threshold"] = nil }
    return .object(object)
  }

  /// `mappings`: each normalised like a function (its own schema, inputs and filters); an empty
  /// list is the same as none.
  public static func mappings(_ value: JSONValue) -> JSONValue {
    guard let list = value.arrayValue else { return value }
    if list.isEmpty { return .null }
    return .array(
      list.map { mapping in
        guard case .object(var object) = mapping else { return mapping }
        let schema = InputSchema(object["inputs_schema"])
        if let items = object["inputs_schema"] { object["inputs_schema"] = inputsSchema(items) }
        if let inputs = object["inputs"] {
          object["inputs"] = .object(
            Self.inputs(inputs, schema: schema, excluding: schema.secretKeys))
        }
        if let filters = object["filters"] { object["filters"] = Self.filters(filters) }
        return .object(object)
      })
  }
}
