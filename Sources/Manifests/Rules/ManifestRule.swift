import Foundation
import HogctlJSON

/// A manifest snippet for a rule's documentation and tests. Files map paths to text; in an
/// invalid example `↓` marks where the rule's diagnostic points (it is removed before loading).
public struct RuleExample: Sendable {
  public var files: [String: String]
  public var environment: [String: String]
  /// Bytes appended to a file after its text, for content that is not UTF-8.
  public var rawSuffixes: [String: Data]

  public init(files: [String: String], environment: [String: String] = [:], rawSuffixes: [String: Data] = [:])
  {
    self.files = files
    self.environment = environment
    self.rawSuffixes = rawSuffixes
  }

  /// A single manifest file, `function.yaml`.
  public init(_ yaml: String, environment: [String: String] = [:]) {
    self.init(files: ["function.yaml": yaml], environment: environment)
  }
}

/// What a rule checks, how bad it is, and examples that must (not) trigger it.
public struct RuleDescription: Sendable {
  public var id: String
  public var severity: Diagnostic.Severity
  public var summary: String
  public var valid: [RuleExample]
  public var invalid: [RuleExample]

  public init(
    id: String, severity: Diagnostic.Severity = .error, summary: String, valid: [RuleExample],
    invalid: [RuleExample]
  ) {
    self.id = id
    self.severity = severity
    self.summary = summary
    self.valid = valid
    self.invalid = invalid
  }
}

/// One decoded hog-function document, with where each value was written. A class: every rule,
/// input scope and builder holds the same one, and copying a reference is one retain where the
/// fields would be a dozen.
final class ParsedFunction: Sendable {
  let file: String
  let value: JSONObject
  let locations: LocationIndex
  /// Input paths (`inputs.token`, `mappings[0].inputs.token`) whose value came from `!env`/`!file`.
  let taggedInputs: [String: String]
  /// Paths of the values that came from `!env` (see `ShapeDecoder.sensitivePaths`).
  let sensitivePaths: [String]
  let sensitiveValues: Set<String>

  init(
    file: String, value: JSONObject, locations: LocationIndex, taggedInputs: [String: String],
    sensitivePaths: [String] = [], sensitiveValues: Set<String> = []
  ) {
    self.file = file
    self.value = value
    self.locations = locations
    self.taggedInputs = taggedInputs
    self.sensitivePaths = sensitivePaths
    self.sensitiveValues = sensitiveValues
  }

  var name: String? { value["name"]?.stringValue }
  var type: String { value["type"]?.stringValue ?? "destination" }
  var templateID: String? { value["template_id"]?.stringValue }
}

/// The decoded `hogctl.yaml`, when there is one.
struct ParsedSettings: Sendable {
  var file: String
  var value: JSONObject
  var locations: LocationIndex
}

/// Everything a cross-document rule can look at.
struct RuleContext: Sendable {
  var functions: [ParsedFunction]
  var settings: ParsedSettings?
  /// Every function's input scopes, found once for the four input rules.
  var inputScopes: [InputScope]

  /// `inputScopes` are the functions' own (`ParsedFunction.inputScopes`), found as the files
  /// are read.
  init(functions: [ParsedFunction], settings: ParsedSettings?, inputScopes: [InputScope]) {
    self.functions = functions
    self.settings = settings
    self.inputScopes = inputScopes
  }
}

/// A rule that runs on decoded manifests (the structural rules run while decoding).
protocol ManifestRule: Sendable {
  static var description: RuleDescription { get }
  func check(_ context: RuleContext) -> [Diagnostic]
}

extension ManifestRule {
  func error(_ message: String, at location: ManifestLocation) -> Diagnostic {
    Diagnostic(
      severity: Self.description.severity, ruleID: Self.description.id, message: message, location: location)
  }
}
