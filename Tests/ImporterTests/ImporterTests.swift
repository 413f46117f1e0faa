import HogctlJSON
import PostHogAPI
import Testing

@testable import Importer

/// `Importer.run` on live functions given directly; the emulator-backed tests are in
/// HogctlCLITests (ImportEndToEndTests, ImportPropertyTests).
@Suite struct ImporterTests {
  static func function(_ id: String, _ name: String, type: String = "destination", order: Int? = nil)
    -> HogFunction
  {
    var raw: JSONObject = [
      "id": .string(id), "name": .string(name), "type": .string(type), "hog": "return event",
    ]
    if let order { raw["execution_order"] = .number(Double(order)) }
    return HogFunction(raw: raw)
  }

  @Test func aFunctionDeclaredInAnotherFileIsLeftToIt() throws {
    let live = [Self.function("1", "A"), Self.function("2", "B")]
    let output = try Importer.run(
      live: live, templates: [:], request: ImportRequest(), settings: nil,
      declared: ["A": "mine/a.yaml", "B": "destinations/b.yaml"])
    #expect(output.files.map(\.path) == ["destinations/b.yaml"])
    #expect(output.imported == ["destination/B"])
    #expect(output.warnings.contains { $0.contains("mine/a.yaml") })
  }

  @Test func consecutiveOrdersGoToHogctlYAML() throws {
    let live = [
      Self.function("1", "Second", type: "transformation", order: 2),
      Self.function("2", "First", type: "transformation", order: 1),
    ]
    let output = try Importer.run(live: live, templates: [:], request: ImportRequest(), settings: nil)
    #expect(output.settings.contains("transformation:\n  - First\n  - Second\n"))
    #expect(output.files.allSatisfy { !$0.text.contains("execution_order") })
    #expect(try Importer.check(output, live: live, templates: [:]) == [])
  }

  @Test func ordersWithGapsStayInTheManifests() throws {
    let live = [
      Self.function("1", "Late", type: "transformation", order: 9),
      Self.function("2", "Early", type: "transformation", order: 4),
    ]
    let output = try Importer.run(live: live, templates: [:], request: ImportRequest(), settings: nil)
    #expect(!output.settings.contains("order:"))
    #expect(output.files.contains { $0.text.contains("execution_order: 9") })
    #expect(try Importer.check(output, live: live, templates: [:]) == [])
  }

  @Test func namesakesAreLeftOutWithAWarning() throws {
    let live = [
      Self.function("1", "Same"), Self.function("2", "Same", type: "site_app"), Self.function("3", "Other"),
    ]
    let output = try Importer.run(live: live, templates: [:], request: ImportRequest(), settings: nil)
    #expect(output.imported == ["destination/Other"])
    #expect(output.warnings.count == 1)
    #expect(output.warnings.first?.contains("1, 2") == true)
  }

  @Test func anOrderNamingFunctionsDeclaredElsewhereChecksClean() throws {
    let live = [
      Self.function("1", "Mine", type: "transformation", order: 1),
      Self.function("2", "Theirs", type: "transformation", order: 2),
    ]
    let output = try Importer.run(
      live: live, templates: [:], request: ImportRequest(), settings: nil,
      declared: ["Theirs": "hand/theirs.yaml"])
    #expect(output.settings.contains("- Mine\n  - Theirs\n"))
    #expect(try Importer.check(output, live: live, templates: [:]) == [])
  }
}
