/// Command-line choices that change what a plan holds.
public struct PlanOptions: Sendable, Hashable {
  /// `--rotate-secrets`: send every secret the manifests give, even when one is stored live.
  public var rotateSecrets: Bool
  /// `--force`: plan past the safety thresholds.
  public var force: Bool
  /// `--target NAME` (repeatable): only actions on these functions. Empty means all.
  public var targets: [String]

  public init(rotateSecrets: Bool = false, force: Bool = false, targets: [String] = []) {
    self.rotateSecrets = rotateSecrets
    self.force = force
    self.targets = targets
  }
}
