import HogctlCore

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
    hogFastPathEnd(text).map { String(text[..<$0]) }
  }

  /// Where the fast path's result ends, or nil when the text needs the general path.
  private static func hogFastPathEnd(_ text: String) -> String.Index? {
    let utf8 = text.utf8
    let printable: ClosedRange<UInt8> = 0x21...0x7E
    guard let first = utf8.first, printable.contains(first) else { return nil }
    var end = utf8.endIndex
    while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x0A { end = utf8.index(before: end) }
    var previous: UInt8 = 0x0A
    for byte in utf8[..<end] {
      if byte == 0x0A, previous != 0x0A, !printable.contains(previous) { return nil }
      previous = byte
    }
    guard printable.contains(previous) else { return nil }
    return end
  }

  /// Whether two `hog` texts are the same once normalised, without building either when both
  /// take the fast path (the common case in a plan, where most functions are unchanged).
  public static func sameHog(_ left: String, _ right: String) -> Bool {
    guard let leftEnd = hogFastPathEnd(left), let rightEnd = hogFastPathEnd(right) else {
      return hog(left) == hog(right)
    }
    // Equal bytes are equal text; different bytes may still be canonically equivalent.
    return left.utf8[..<leftEnd].elementsEqual(right.utf8[..<rightEnd])
      || left[..<leftEnd] == right[..<rightEnd]
  }

  /// `enabled` accepts the strings `"true"`/`"false"`.
  static func enabled(_ value: JSONValue) -> JSONValue {
    switch value.stringValue?.lowercased() {
    case "true": true
    case "false": false
    default: value
    }
  }

  /// Schema items get `required`, `secret` and `hidden` filled with `false`, as responses do.
  public static func inputsSchema(_ value: JSONValue) -> JSONValue {
    guard let list = value.arrayValue else { return value.isNull ? [] : value }
    return .array(
      list.map { item in
        guard case .object(var object) = item else { return item }
        for flag in ["required", "secret", "hidden"] where object[flag] == nil || object[flag] == .null {
          object[flag] = false
        }
        return .object(object)
      })
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
