import Foundation
import HogctlJSON
import Testing

/// `hogctl status` through the real binary, with metrics and logs seeded in the emulator.
@Suite(.serialized) struct StatusEndToEndTests {
  static let threeDays = 3 * 86_400.0

  @Test func failuresOutsideTheWindowDoNotFailTheRunAndFailuresInsideDo() async throws {
    try await OperationsWorkspace.with { workspace in
      try await workspace.apply()
      let id = try await workspace.id(of: "Tag plan")
      let old = OperationsWorkspace.isoTime(secondsAgo: Self.threeDays)
      try await workspace.seed([
        "metrics": [
          ["function_id": .string(id), "name": "succeeded", "count": 5],
          ["function_id": .string(id), "name": "filtered", "count": 2],
          ["function_id": .string(id), "name": "failed", "count": 4, "timestamp": .string(old)],
        ],
        "logs": [
          ["log_source_id": .string(id), "level": "error", "message": "old boom", "timestamp": .string(old)]
        ],
      ])

      let quiet = try await workspace.hogctl(["status", "manifests", "--since", "24h", "--fail-on-errors"])
      #expect(quiet.exitCode == 0, "\(quiet.output)")
      let row = try #require(quiet.stdout.split(separator: "\n").first { $0.hasPrefix("Tag plan") })
      #expect(
        row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
          == ["Tag", "plan", "transformation", "yes", "healthy", "5", "0", "2", "0", "0"])
      #expect(!quiet.stdout.contains("old boom"))
      #expect(quiet.stdout.contains("2 managed functions, last 24h: 5 succeeded, 0 failed."))

      let week = try await workspace.hogctl(["status", "manifests", "--since", "7d", "--fail-on-errors"])
      #expect(week.exitCode == 1, "\(week.output)")
      #expect(week.stdout.contains("Latest errors:"))
      #expect(week.stdout.contains("Tag plan: \(old) old boom"))
      #expect(week.stdout.contains("5 succeeded, 4 failed (in 1 function)"))
      #expect(week.stderr.contains("Failing: 1 managed function failed in the last 7d (--fail-on-errors)."))
    }
  }

  @Test func aFailureNowFailsTheRunOnlyWithFailOnErrors() async throws {
    try await OperationsWorkspace.with { workspace in
      try await workspace.apply()
      let id = try await workspace.id(of: "Order webhook")
      try await workspace.seed([
        "metrics": [["function_id": .string(id), "name": "failed", "count": 1]],
        "logs": [["log_source_id": .string(id), "level": "error", "message": "HTTP 500 from example.com"]],
      ])
      let plain = try await workspace.hogctl(["status", "manifests"])
      #expect(
        plain.exitCode == 0, "without --fail-on-errors failures are reported, not fatal:\n\(plain.output)")
      #expect(plain.stdout.contains("Order webhook: "))
      #expect(plain.stdout.contains("HTTP 500 from example.com"))

      let strict = try await workspace.hogctl(["status", "manifests", "--fail-on-errors", "--format", "json"])
      #expect(strict.exitCode == 1)
      let json = try JSONValue.parse(strict.stdout)
      #expect(json["failing"] == 1)
      let webhook = try #require(json["functions"]?.arrayValue?.first { $0["name"] == "Order webhook" })
      #expect(webhook["totals"]?["failed"] == 1)
      #expect(webhook["latest_error"]?["message"] == "HTTP 500 from example.com")
      #expect(webhook["health"] == "healthy")
    }
  }

  @Test func unappliedManifestsAreSaidToBeSo() async throws {
    try await OperationsWorkspace.with { workspace in
      let run = try await workspace.hogctl(["status", "manifests", "--fail-on-errors"])
      #expect(run.exitCode == 0, "\(run.output)")
      #expect(run.stdout.contains("not applied"))
      #expect(run.stdout.contains("; 2 not applied."))
    }
  }
}
