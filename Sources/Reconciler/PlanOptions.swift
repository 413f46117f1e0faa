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
  /// Values no plan may show or store, beside the manifests' own `!env` values: the API key and
  /// the secret inputs' values.
  public var sensitiveValues: [String]
  /// `--resolve-duplicates`: where live functions share a manifest's name and type, keep the
  /// pinned one (else the oldest) and delete the others, instead of stopping.
  public var resolveDuplicates: Bool

  public init(
    rotateSecrets: Bool = false, force: Bool = false, targets: [String] = [], fingerprint: Bool = true,
    sensitiveValues: [String] = [], resolveDuplicates: Bool = false
  ) {
    self.resolveDuplicates = resolveDuplicates
    self.sensitiveValues = sensitiveValues
    self.rotateSecrets = rotateSecrets
    self.force = force
    self.targets = targets
    self.fingerprint = fingerprint
  }
}
