import HogctlJSON
import Manifests
import PostHogAPI

extension PlanFingerprint {
  /// What moved since a saved plan was made, one sentence each; empty when it still holds.
  /// `apply PLANFILE` refuses when this is not empty.
  public func changes(
    desired: [DesiredFunction], settings: ProjectSettings, live: [HogFunction],
    templates: JSONObject
  ) -> [String] {
    var moved: [String] = []
    if manifests != Self.digest(desired: desired, settings: settings, templates: templates) {
      moved.append("the manifests or hogctl.yaml changed since the plan was made")
    }
    let byID = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (id, digest) in self.live.sorted(by: { $0.key < $1.key }) {
      guard let function = byID[id] else {
        moved.append("live function \(id) no longer exists")
        continue
      }
      if Self.digest(of: function) != digest {
        moved.append("live function \"\(function.name)\" (\(id)) changed since the plan was made")
      }
    }
    let present = Set(live.map { "\($0.type)/\($0.name)" })
    for name in absent where present.contains(name) {
      moved.append("\(name) now exists live, but the plan creates it")
    }
    return moved
  }
}
