import Foundation
import Reconciler
import Rendering
import Testing

/// Renderings of `SamplePlan` compared with files in Golden/. Run with HOGCTL_RECORD_GOLDEN=1
/// to write them afresh after an intended change (each test then fails, saying what it wrote, as
/// nothing was compared), review the diff, then run again without it.
@Suite struct GoldenTests {
  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  func check(_ rendered: String, against name: String) throws {
    let url = Self.goldenDirectory.appendingPathComponent(name)
    #expect(!rendered.contains(SamplePlan.secret))
    if ProcessInfo.processInfo.environment["HOGCTL_RECORD_GOLDEN"] == "1" {
      try rendered.write(to: url, atomically: true, encoding: .utf8)
      Issue.record(
        "wrote \(name) (HOGCTL_RECORD_GOLDEN=1); review it and run again without the variable to compare")
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(rendered == expected, "\(name) differs; re-record with HOGCTL_RECORD_GOLDEN=1 if intended")
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
