/// `hogctl.yaml`, after flags and environment variables were applied on top of the file.
public struct ProjectSettings: Sendable, Hashable {
  public enum APIPath: String, Sendable, Hashable, CaseIterable {
    case environments
    case projects
  }

  public var host: String
  public var projectID: String?
  public var apiPath: APIPath
  /// The types that prune and import look at.
  public var manageTypes: [String]
  public var prune: Bool
  /// Name globs hogctl never touches.
  public var ignore: [String]
  /// `safety.max_delete_percent` / `max_update_percent`: checked for each type with at least
  /// `thresholdMinimum` live functions (octoDNS's defaults: 30% of at least 10).
  public var maxDeletePercent: Double
  public var maxUpdatePercent: Double
  public static let defaultThresholdPercent: Double = 30
  public static let thresholdMinimum = 10
  /// Execution order by type (only `transformation` today): names, first runs first.
  public var order: [String: [String]]
  /// The `environments` entry chosen with `--environment` or `HOGCTL_ENVIRONMENT`, if any.
  public var environment: String?
  /// The names `environments` defines (filled when one is chosen, to check the choice).
  public var knownEnvironments: [String] = []

  /// The chosen environment, or nil when none is chosen; throws when hogctl.yaml does not define it.
  public func checkEnvironment() throws(UndefinedEnvironment) {
    guard let environment, !knownEnvironments.contains(environment) else { return }
    throw UndefinedEnvironment(name: environment, known: knownEnvironments)
  }

  public init(
    host: String = "https://us.posthog.com", projectID: String? = nil,
    apiPath: APIPath = .environments, manageTypes: [String] = ["destination", "transformation"],
    prune: Bool = false, ignore: [String] = [], maxDeletePercent: Double = defaultThresholdPercent,
    maxUpdatePercent: Double = defaultThresholdPercent, order: [String: [String]] = [:]
  ) {
    self.host = host
    self.projectID = projectID
    self.apiPath = apiPath
    self.manageTypes = manageTypes
    self.prune = prune
    self.ignore = ignore
    self.maxDeletePercent = maxDeletePercent
    self.maxUpdatePercent = maxUpdatePercent
    self.order = order
  }
}

/// `--environment NAME` (or `HOGCTL_ENVIRONMENT`) names no entry of hogctl.yaml's `environments`.
public struct UndefinedEnvironment: Error, CustomStringConvertible {
  public var name: String
  public var known: [String]

  public var description: String {
    "hogctl.yaml defines no environment '\(name)' (--environment / HOGCTL_ENVIRONMENT); "
      + (known.isEmpty
        ? "it has no `environments`." : "it defines \(known.sorted().joined(separator: ", ")).")
  }
}
