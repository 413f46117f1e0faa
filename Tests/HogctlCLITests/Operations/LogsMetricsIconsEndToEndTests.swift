import Foundation
import HogctlJSON
import Testing

/// `hogctl logs`, `metrics` and `icons` through the real binary, over seeded emulator data.
@Suite(.serialized) struct LogsMetricsIconsEndToEndTests {
  @Test func logsFilterByLevelAndTextOldestFirst() async throws {
    try await OperationsWorkspace.with { workspace in
      try await workspace.apply()
      let id = try await workspace.id(of: "Order webhook")
      let first = OperationsWorkspace.isoTime(secondsAgo: 300)
      let second = OperationsWorkspace.isoTime(secondsAgo: 200)
      try await workspace.seed([
        "logs": [
          [
            "log_source_id": .string(id), "level": "error", "message": "first failure",
            "timestamp": .string(first),
          ],
          [
            "log_source_id": .string(id), "level": "info", "message": "all fine", "timestamp": .string(first),
          ],
          [
            "log_source_id": .string(id), "level": "error", "message": "second failure",
            "timestamp": .string(second),
          ],
          [
            "log_source_id": .string(id), "level": "error", "message": "last week",
            "timestamp": .string(OperationsWorkspace.isoTime(secondsAgo: 7 * 86_400)),
          ],
        ]
      ])
      let run = try await workspace.hogctl([
        "logs", "Order webhook", "manifests", "--level", "error", "--since", "1h",
      ])
      #expect(run.exitCode == 0, "\(run.output)")
      #expect(run.stdout == "\(first) ERROR first failure\n\(second) ERROR second failure\n")

      let byID = try await workspace.hogctl(["logs", id, "manifests", "--search", "FINE", "--format", "json"])
      let json = try JSONValue.parse(byID.stdout)
      #expect(json["logs"]?.arrayValue?.compactMap { $0["message"]?.stringValue } == ["all fine"])

      let bad = try await workspace.hogctl(["logs", "Order webhook", "manifests", "--level", "loud"])
      #expect(bad.exitCode == 64)
    }
  }

  @Test func followPrintsLinesThatArriveLater() async throws {
    try await OperationsWorkspace.with { workspace in
      try await workspace.apply()
      let id = try await workspace.id(of: "Order webhook")
      try await workspace.seed([
        "logs": [["log_source_id": .string(id), "level": "info", "message": "before"]]
      ])
      let output = workspace.root.appendingPathComponent("follow.out")
      _ = FileManager.default.createFile(atPath: output.path, contents: nil)
      let process = Process()
      process.executableURL = HogctlProcess.binary
      process.arguments =
        ["logs", "Order webhook", "manifests", "--follow"] + workspace.emulator.connectionArguments
      process.currentDirectoryURL = workspace.root
      process.environment = workspace.emulator.environment.merging(["PATH": "/usr/bin:/bin"]) { $1 }
      process.standardOutput = try FileHandle(forWritingTo: output)
      process.standardInput = FileHandle.nullDevice
      let exited = AsyncStream<Void> { continuation in
        process.terminationHandler = { _ in continuation.finish() }
      }
      try process.run()
      func printed() throws -> String { try String(contentsOf: output, encoding: .utf8) }
      var waited = 0
      while try !printed().contains("before") && waited < 100 {
        try await Task.sleep(for: .milliseconds(100))
        waited += 1
      }
      try await workspace.seed([
        "logs": [["log_source_id": .string(id), "level": "warn", "message": "after"]]
      ])
      waited = 0
      while try !printed().contains("after") && waited < 100 {
        try await Task.sleep(for: .milliseconds(100))
        waited += 1
      }
      #expect(process.isRunning, "--follow keeps running until interrupted")
      process.terminate()
      for await _ in exited {}
      let lines = try printed().split(separator: "\n")
      #expect(lines.count == 2, "each line once, oldest first: \(lines)")
      #expect(lines.first?.hasSuffix("INFO  before") == true)
      #expect(lines.last?.hasSuffix("WARN  after") == true)
    }
  }

  @Test func metricsAsATableOffATerminalAndAsSparklinesOnRequest() async throws {
    try await OperationsWorkspace.with { workspace in
      try await workspace.apply()
      let id = try await workspace.id(of: "Tag plan")
      try await workspace.seed([
        "metrics": [
          ["function_id": .string(id), "name": "succeeded", "count": 8],
          [
            "function_id": .string(id), "name": "succeeded", "count": 4,
            "timestamp": .string(OperationsWorkspace.isoTime(secondsAgo: 2 * 86_400)),
          ],
          ["function_id": .string(id), "name": "failed", "count": 1],
        ]
      ])
      let table = try await workspace.hogctl(["metrics", "Tag plan", "manifests", "--breakdown", "name"])
      #expect(table.exitCode == 0, "\(table.output)")
      let lines = table.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
      #expect(lines.first == ["BUCKET", "failed", "succeeded"])
      #expect(lines.last?.dropFirst() == ["1", "8"])
      #expect(lines.dropFirst().map { $0.count == 3 }.allSatisfy { $0 })

      let chart = try await workspace.hogctl([
        "metrics", "Tag plan", "manifests", "--breakdown", "name", "--chart",
      ])
      #expect(chart.stdout.contains("Tag plan: "))
      let succeeded = try #require(chart.stdout.split(separator: "\n").first { $0.contains("succeeded") })
      #expect(succeeded.contains("total 12, max 8"))
      #expect(succeeded.contains("█"))

      let json = try JSONValue.parse(
        try await workspace.hogctl(["metrics", "Tag plan", "manifests", "--format", "json"]).stdout)
      #expect(json["series"]?.arrayValue?.map { $0["name"] } == ["failure", "success"])
    }
  }

  @Test func iconsListNamesAndTheURLForIconURL() async throws {
    try await OperationsWorkspace.with { workspace in
      let run = try await workspace.hogctl(["icons", "slack", "manifests"])
      #expect(run.exitCode == 0, "\(run.output)")
      let row = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("Slack") })
      #expect(row.contains("slack.com"))
      #expect(row.contains("hog_functions/icon/?id=slack.com"))
      let none = try await workspace.hogctl(["icons", "zzzz-no-such-icon", "manifests"])
      #expect(none.stdout == "No icons match 'zzzz-no-such-icon'.\n")
    }
  }
}
