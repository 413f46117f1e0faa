import Foundation
import HogctlJSON

/// Removes the API key and secret input values from text before it is shown or logged. Every
/// registered value is also removed in its JSON-escaped form, as it appears in request bodies.
public struct Redactor: Sendable, Hashable {
  public static let keyReplacement = "[redacted]"
  public static let secretReplacement = "(sensitive)"
  /// Values shorter than this are not replaced: a one-letter "secret" would mangle all text.
  public static let minimumSecretLength = 3

  private var replacements: [String: String] = [:]

  public init(apiKey: String? = nil, secrets: [String] = []) {
    if let apiKey { add(apiKey, replacement: Self.keyReplacement) }
    for secret in secrets { addSecret(secret) }
  }

  public mutating func addSecret(_ value: String) {
    add(value, replacement: Self.secretReplacement)
  }

  /// Registers the secret values found in a hog-function body (see `SecretInputs`).
  public mutating func addSecrets(in body: JSONObject) {
    for value in SecretInputs.values(in: body) { addSecret(value) }
  }

  /// The secret values registered (not the API key), e.g. to carry them into a new redactor.
  public var values: [String] {
    replacements.filter { $0.value == Self.secretReplacement }.map(\.key)
  }

  public func adding(secrets: [String]) -> Redactor {
    var copy = self
    for secret in secrets { copy.addSecret(secret) }
    return copy
  }

  public func redact(_ text: String) -> String {
    guard !replacements.isEmpty else { return text }
    var output = text
    // Longest first, so a secret containing another is removed whole.
    for value in replacements.keys.sorted(by: { $0.count > $1.count }) {
      output = output.replacingOccurrences(of: value, with: replacements[value]!)
    }
    return output
  }

  private mutating func add(_ value: String, replacement: String) {
    guard value.count >= Self.minimumSecretLength else { return }
    // The key wins over a secret that happens to equal it.
    if replacements[value] == Self.keyReplacement { return }
    replacements[value] = replacement
    let quoted = JSONValue.string(value).serialized()
    let escaped = String(quoted.dropFirst().dropLast())
    if escaped != value { replacements[escaped] = replacement }
  }
}

/// Finds the values of secret inputs in a hog-function body: the inputs whose schema item has
/// `secret: true`, at the top level and in each mapping.
public enum SecretInputs {
  public static func values(in body: JSONObject) -> [String] {
    var found = values(schema: body["inputs_schema"], inputs: body["inputs"])
    for mapping in body["mappings"]?.arrayValue ?? [] {
      found += values(schema: mapping["inputs_schema"], inputs: mapping["inputs"])
    }
    return found
  }

  private static func values(schema: JSONValue?, inputs: JSONValue?) -> [String] {
    let secretKeys = (schema?.arrayValue ?? []).compactMap { item -> String? in
      item["secret"]?.boolValue == true ? item["key"]?.stringValue : nil
    }
    return secretKeys.flatMap { key -> [String] in
      guard let value = inputs?[key]?["value"] else { return [] }
      return leaves(of: value)
    }
  }

  /// Strings inside a value; for structured values also their serialized form.
  private static func leaves(of value: JSONValue) -> [String] {
    switch value {
    case .null, .bool: return []
    case .string(let text): return text == "********" ? [] : [text]
    case .number: return [value.serialized()]
    case .array(let items): return [value.serialized()] + items.flatMap(leaves(of:))
    case .object(let members): return [value.serialized()] + members.values.flatMap(leaves(of:))
    }
  }
}

/// A redactor shared by concurrent requests that learns each secret value once it is sent.
final class RedactorStore: @unchecked Sendable {
  private let lock = NSLock()
  private var redactor: Redactor

  init(_ redactor: Redactor) {
    self.redactor = redactor
  }

  /// Registers `secrets` and returns a redactor that hides them and all earlier ones.
  func adding(secrets: [String]) -> Redactor {
    lock.withLock {
      for secret in secrets { redactor.addSecret(secret) }
      return redactor
    }
  }
}
