import Testing

@testable import Importer

@Suite struct ImportNamingTests {
  @Test(arguments: [
    ("Slack – new signups", "slack-new-signups"), ("Café ☕ events", "cafe-events"), ("Zürich", "zurich"),
    ("日本語の通知", "function"), ("  Data: export #1 ", "data-export-1"), ("2024", "2024"),
  ])
  func slugs(_ name: String, _ slug: String) {
    #expect(ImportNaming.slug(name) == slug)
  }

  @Test func collidingSlugsGetStableSuffixesWhateverTheInputOrder() {
    let functions = [
      (name: "slack-alerts", type: "destination", id: "b"),
      (name: "Slack alerts", type: "destination", id: "a"),
      (name: "Slack  Alerts!", type: "transformation", id: "c"),
      (name: "Slack alerts 2", type: "destination", id: "d"),
    ]
    let slugs = ImportNaming.uniqueSlugs(functions)
    #expect(Set(slugs).count == functions.count)
    #expect(slugs == ["slack-alerts-3", "slack-alerts", "slack-alerts-4", "slack-alerts-2"])
    let reversed = ImportNaming.uniqueSlugs(functions.reversed())
    #expect(Array(reversed.reversed()) == slugs)
  }

  @Test func variableNames() {
    #expect(
      ImportNaming.variable(slug: "slack-alerts", key: "webhook_secret") == "SLACK_ALERTS_WEBHOOK_SECRET")
    #expect(ImportNaming.variable(slug: "warehouse", key: "token", mapping: 1) == "WAREHOUSE_MAPPING_2_TOKEN")
    #expect(ImportNaming.variable(slug: "2024", key: "token") == "HOG_2024_TOKEN")
  }
}
