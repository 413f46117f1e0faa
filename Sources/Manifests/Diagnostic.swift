/// A position in a manifest file; lines and columns start at 1.
public struct ManifestLocation: Sendable, Hashable, Comparable {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}

/// One problem found in the manifests. Validators return these; renderers print them.
public struct Diagnostic: Sendable, Hashable {
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public var severity: Severity
  /// A stable, kebab-case rule id such as `unknown-field`.
  public var ruleID: String
  public var message: String
  public var location: ManifestLocation?

  public init(severity: Severity, ruleID: String, message: String, location: ManifestLocation?) {
    self.severity = severity
    self.ruleID = ruleID
    self.message = message
    self.location = location
  }
}
