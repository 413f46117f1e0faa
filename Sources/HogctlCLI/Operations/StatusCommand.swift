import ArgumentParser
import Foundation
import HogctlJSON
import PostHogAPI
import Reconciler

/// `hogctl status`: how the managed functions fared over a window, for after `apply` in CI.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show how each managed function fared: enabled, health, metric totals, latest error.",
    discussion: """
      One line per function a manifest manages: enabled, PostHog's own health state, the totals \
      of metrics/totals over the window by metric name (succeeded, failed, filtered, dropped; any \
      other names are summed as other), and the latest ERROR log line. With --fail-on-errors, \
      exits 1 when any managed function has failures (metrics of kind failure) in the window. \
      Example, after apply in CI:

        hogctl status functions/ --since 1h --fail-on-errors
      """)

  @OptionGroup var manifests: ManifestOptions
  @OptionGroup var connection: ConnectionOptions

  @Option(help: "How far back to look: 30m, 24h, 7d, 2w.")
  var since: TimeWindow = TimeWindow(argument: "24h")!

  @Flag(name: .customLong("fail-on-errors"), help: "Exit 1 when a managed function failed in the window.")
  var failOnErrors = false

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  func run() async throws {
    let report = try await OperationContext.with(manifests: manifests, connection: connection) { context in
      try await FunctionStatusReport.fetch(context, window: since)
    }
    switch format {
    case .text: Terminal.output(report.text)
    case .json: Terminal.output(report.json.serialized(pretty: true) + "\n")
    }
    if failOnErrors && report.failingCount > 0 {
      Terminal.error(
        "Failing: \(report.failingCount) managed function\(report.failingCount == 1 ? "" : "s") "
          + "failed in the last \(since.description) (--fail-on-errors).")
      throw ExitCode.failure
    }
  }
}

/// The status of every managed function, read concurrently (the client bounds requests in flight).
struct FunctionStatusReport {
  struct Entry: Sendable {
    var name: String
    var type: String
    var manifest: String
    /// `nil` when no live function matches the manifest yet.
    var live: ListedHogFunction?
    var totalsByName: [String: Double] = [:]
    var failures: Double = 0
    var latestError: LogEntry?
  }

  static let namedColumns = ["succeeded", "failed", "filtered", "dropped"]

  var window: TimeWindow
  var entries: [Entry]

  var failingCount: Int { entries.count { $0.failures > 0 } }

  static func fetch(_ context: OperationContext, window: TimeWindow) async throws -> FunctionStatusReport {
    let live = try await context.api.listHogFunctionsWithHealth(types: context.typesInScope)
    let desired = context.result.functions.filter { !$0.deleted }
    let matching = FunctionMatcher.match(desired: desired, live: live.map(\.function))
    let byID = Dictionary(live.map { ($0.function.id, $0) }, uniquingKeysWith: { first, _ in first })
    let api = context.api
    let start = window.start()
    let entries = try await withThrowingTaskGroup(of: (Int, Entry).self) { group in
      for (index, match) in matching.matches.enumerated() {
        let base = Entry(
          name: match.desired.name, type: match.desired.type,
          manifest: "\(match.desired.location.file):\(match.desired.location.line)",
          live: match.live.flatMap { byID[$0.id] })
        group.addTask {
          var entry = base
          if let id = entry.live?.function.id {
            async let byName = api.functionMetricsTotals(
              id: id, query: MetricsQuery(after: window.relative, breakdownBy: .name))
            async let byKind = api.functionMetricsTotals(
              id: id, query: MetricsQuery(after: window.relative, breakdownBy: .kind))
            async let errors = api.functionLogs(
              id: id, query: LogsQuery(limit: 1, after: start, levels: ["ERROR"]))
            entry.totalsByName = try await byName
            entry.failures = try await byKind["failure"] ?? 0
            entry.latestError = try await errors.entries.first
          }
          return (index, entry)
        }
      }
      var entries = [Entry?](repeating: nil, count: matching.matches.count)
      for try await (index, entry) in group { entries[index] = entry }
      return entries.compactMap { $0 }
    }
    return FunctionStatusReport(window: window, entries: entries)
  }
}
