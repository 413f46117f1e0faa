import Foundation
import Reconciler
import Rendering
import Testing

/// Renderings of `SamplePlan` compared with files in Golden/. Run with HOGCTL_RECORD_GOLDEN=1
/// to write them afresh after an intended change, then review the diff.
@Suite struct GoldenTests {
  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  func check(_ rendered: String, against name: String) throws {
    let url = Self.goldenDirectory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["HOGCTL_RECORD_GOLDEN"] == "1" {
      try rendered.write(to: url, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(rendered == expected, "\(name) differs; re-record with HOGCTL_RECORD_GOLDEN=1 if intended")
    #expect(!rendered.contains(SamplePlan.secret))
  }

  @Test func samplePlanHoldsEveryKindOfAction() throws {
    let kinds = Set(try SamplePlan.make().actions.map(\.kind))
    #expect(kinds == Set(PlanAction.Kind.allCases))
  }

  @Test func text() throws {
    try check(PlanTextRenderer().render(try SamplePlan.make()), against: "plan.txt")
  }

  @Test func coloredText() throws {
    try check(PlanTextRenderer(style: .colored).render(try SamplePlan.make()), against: "plan-color.txt")
  }

  @Test func json() throws {
    try check(try PlanJSONRenderer.render(try SamplePlan.make()), against: "plan.json")
  }

  @Test func markdown() throws {
    try check(PlanMarkdownRenderer().render(try SamplePlan.make()), against: "plan.md")
  }
}
