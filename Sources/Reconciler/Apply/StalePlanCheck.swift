import HogctlCore
import Manifests
import PostHogAPI

/// Compares a saved plan's fingerprint with the manifests and live functions as they are now.
/// Applying a plan made against another state could undo someone's change, so `apply PLANFILE`
/// refuses when anything it touches moved.
public enum StalePlanCheck {
  /// What moved since the plan was made, one line each; empty when the plan is still current.
  public static func changes(
    since fingerprint: PlanFingerprint, desired: [DesiredFunction], settings: ProjectSettings,
    live: [HogFunction], templates: [String: JSONValue]
  ) -> [String] {
    var moved: [String] = []
    let manifests = PlanFingerprint.digest(desired: desired, settings: settings, templates: templates)
    if manifests != fingerprint.manifests {
      moved.append("the manifests changed since the plan was made")
    }
    let liveByID = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (id, digest) in fingerprint.live.sorted(by: { $0.key < $1.key }) {
      guard let function = liveByID[id] else {
        moved.append("live function \(id) no longer exists")
        continue
      }
      if PlanFingerprint.digest(of: function) != digest {
        moved.append("live function \"\(function.name)\" (\(id)) was changed")
      }
    }
    let present = Set(live.map { "\($0.type)/\($0.name)" })
    for key in fingerprint.absent.sorted() where present.contains(key) {
      moved.append("\"\(key.split(separator: "/", maxSplits: 1).last ?? "")\" now exists live")
    }
    return moved
  }
}
