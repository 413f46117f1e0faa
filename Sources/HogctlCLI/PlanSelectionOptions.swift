import ArgumentParser
import Reconciler

/// Choices that shape a plan; shared by plan and apply.
struct PlanSelectionOptions: ParsableArguments {
  @Option(
    name: .customLong("target"),
    help: "Only plan actions on the function with this name (repeatable).")
  var targets: [String] = []

  @Flag(help: "Plan past hogctl.yaml's safety thresholds (max_delete_percent, max_update_percent).")
  var force = false

  @Flag(
    name: .customLong("rotate-secrets"),
    help: "Send every secret input the manifests give, even when PostHog already stores a value.")
  var rotateSecrets = false

  var planOptions: PlanOptions {
    PlanOptions(rotateSecrets: rotateSecrets, force: force, targets: targets)
  }
}
