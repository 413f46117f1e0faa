import Foundation
import HogctlJSON
import Reconciler
import Rendering
import Testing

@Suite struct RenderingTests {
  @Test func summaryLine() {
    var plan = Plan(actions: [])
    for kind in [PlanAction.Kind.create, .create, .update, .reorder, .broadcast] {
      plan.actions.append(PlanAction(kind: kind, name: "x", type: "destination"))
    }
    #expect(
      PlanTextRenderer.summaryLine(plan.summary)
        == "Plan: 2 to create, 1 to update, 0 to delete, 1 to reorder, 1 broadcast.")
    #expect(
      PlanTextRenderer().render(plan).contains(
        "Plan: 2 to create, 1 to update, 0 to delete, 1 to reorder, 1 broadcast.\n"))
  }

  @Test func noChanges() {
    #expect(
      PlanTextRenderer().render(Plan(actions: [])) == "No changes. Live PostHog matches the manifests.\n")
    #expect(
      PlanMarkdownRenderer().render(Plan(actions: [])).contains(
        "No changes. Live PostHog matches the manifests."))
  }

  @Test func plainTextHasNoEscapeCodesAndColoredTextHas() throws {
    let plan = try SamplePlan.make()
    #expect(!PlanTextRenderer().render(plan).contains("\u{1B}["))
    #expect(PlanTextRenderer(style: .colored).render(plan).contains("\u{1B}[32m+\u{1B}[0m"))
  }

  @Test func secretsShowAsSensitiveAndServerValuesAsKnownAfterApply() throws {
    let text = PlanTextRenderer().render(try SamplePlan.make())
    #expect(text.contains("+ inputs.signing_secret = (sensitive value)"))
    #expect(text.contains("(known after apply)"))
    #expect(!text.contains(SamplePlan.secret))
  }

  @Test func jsonRoundTripsAndIsVersioned() throws {
    let plan = try SamplePlan.make()
    let text = try PlanJSONRenderer.render(plan)
    #expect(try PlanJSONRenderer.decode(text) == plan)
    let object = try JSONValue.parse(text)
    #expect(object["format_version"] == "1")
    #expect(object["summary"]?["create"] == 1)
  }

  @Test func markdownStaysUnderTheLimitAndSaysWhatWasCut() throws {
    let hog = (1...400).map { "let line\($0) := \($0)" }.joined(separator: "\n")
    let actions = (1...200).map { index in
      PlanAction(
        kind: .create, name: "Function \(index)", type: "destination",
        changes: [FieldChange(path: "hog", before: .absent, after: .value(.string(hog)))])
    }
    let rendered = PlanMarkdownRenderer().render(Plan(actions: actions))
    #expect(rendered.utf16.count <= 65_000)
    #expect(rendered.contains("**Output cut**"))
    #expect(
      rendered.components(separatedBy: "<details>").count
        == rendered.components(separatedBy: "</details>").count)
    let small = PlanMarkdownRenderer(limit: 600).render(Plan(actions: Array(actions.prefix(50))))
    #expect(small.utf16.count <= 600)
    #expect(small.contains("the table stops after"))
  }

  @Test func markdownEscapesNames() {
    let plan = Plan(actions: [PlanAction(kind: .delete, name: "a|b <script>", type: "destination")])
    let rendered = PlanMarkdownRenderer().render(plan)
    #expect(rendered.contains("a\\|b &lt;script&gt;"))
    let outsideCode = rendered.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }
    #expect(!outsideCode.contains { $0.element.contains("<script>") })
  }
}

@Suite struct LineDiffTests {
  @Test func unifiedDiffOfOneChangedLine() {
    let lines = LineDiff.unified(old: "a\nb\nc\nd\ne", new: "a\nb\nX\nd\ne", context: 1)
    #expect(lines == ["@@ -2,3 +2,3 @@", " b", "-c", "+X", " d"])
  }

  @Test func distantChangesMakeTwoHunks() {
    var lines = (1...20).map(String.init)
    let old = lines.joined(separator: "\n")
    lines[1] = "two"
    lines[18] = "nineteen"
    let headers = LineDiff.unified(old: old, new: lines.joined(separator: "\n")).filter { $0.hasPrefix("@@") }
    #expect(headers == ["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"])
  }

  @Test func additionsToEmptyText() {
    #expect(LineDiff.unified(old: "", new: "x\ny") == ["@@ -0,0 +1,2 @@", "+x", "+y"])
    #expect(LineDiff.unified(old: "same", new: "same").isEmpty)
  }

  @Test func diffKeepsTheLongestCommonLines() {
    let lines = LineDiff.diff(["a", "b", "c", "d"], ["b", "c", "e"])
    #expect(lines == [.removed("a"), .same("b"), .same("c"), .removed("d"), .added("e")])
  }
}
