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
  public var maxDeletePercent: Double
  public var maxUpdatePercent: Double
  /// Execution order by type (only `transformation` today): names, first runs first.
  public var order: [String: [String]]

  public init(
    host: String = "https://us.posthog.com", projectID: String? = nil,
    apiPath: APIPath = .environments, manageTypes: [String] = ["destination", "transformation"],
    prune: Bool = false, ignore: [String] = [], maxDeletePercent: Double = 100,
    maxUpdatePercent: Double = 100, order: [String: [String]] = [:]
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
