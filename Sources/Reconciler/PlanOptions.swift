/// Command-line choices that change what a plan holds.
public struct PlanOptions: Sendable, Hashable {
  /// `--rotate-secrets`: send every secret the manifests give, even when one is stored live.
  public var rotateSecrets: Bool
  /// `--force`: plan past the safety thresholds.
  public var force: Bool
  /// `--target NAME` (repeatable): only actions on these functions. Empty means all.
  public var targets: [String]
  /// Whether the plan carries its fingerprint, which only a saved plan (`-out`) and the JSON
  /// output use. Without it, `Plan.fingerprint` is empty and no manifest is hashed: at 10,000
  /// functions that is a tenth of a plan's work.
  public var fingerprint: Bool

  public init(
    rotateSecrets: Bool = false, force: Bool = false, targets: [String] = [], fingerprint: Bool = true
  ) {
    self.rotateSecrets = rotateSecrets
    self.force = force
    self.targets = targets
    self.fingerprint = fingerprint
  }
}
