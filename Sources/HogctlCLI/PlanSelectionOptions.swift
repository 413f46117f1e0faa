import ArgumentParser
import Reconciler

/// Choices that shape a plan; shared by plan and apply.
struct PlanSelectionOptions: ParsableArguments {
  @Option(
    name: .customLong("target"),
    help: "Only plan actions on the function with this name (repeatable).")
  var targets: [String] = []

  @Flag(
    help:
      "Plan past the safety checks: max_delete_percent and max_update_percent, deleting every live function of a type, prune over a directory with no function manifest."
  )
  var force = false

  @Flag(
    name: .customLong("resolve-duplicates"),
    help:
      "Where live functions share a manifest's name and type, keep the one pinned by `id:` (else the oldest) and delete the others; shown as delete actions in the plan."
  )
  var resolveDuplicates = false

  @Flag(
    name: .customLong("rotate-secrets"),
    help: "Send every secret input the manifests give, even when PostHog already stores a value.")
  var rotateSecrets = false

  var planOptions: PlanOptions {
    PlanOptions(
      rotateSecrets: rotateSecrets, force: force, targets: targets, resolveDuplicates: resolveDuplicates)
  }
}
