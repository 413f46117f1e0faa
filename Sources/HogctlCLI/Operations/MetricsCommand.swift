import ArgumentParser
import Foundation
import HogctlJSON
import PostHogAPI

/// `hogctl metrics NAME`: a function's metric series over time.
struct MetricsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Show a function's metrics over time: a sparkline per series on a terminal.",
    discussion: """
      NAME is a manifest's name, a live function's name or its id. On a terminal (or with \
      --chart) each series is one line: a sparkline from oldest to newest bucket, its total and \
      its busiest bucket. Elsewhere a plain table, one row per bucket. Example:

        hogctl metrics "Slack – new signups" --since 7d --breakdown name
      """)

  enum Interval: String, ExpressibleByArgument, CaseIterable { case hour, day, week }
  enum Breakdown: String, ExpressibleByArgument, CaseIterable { case kind, name }

  @Argument(help: "The function: a manifest's name, a live function's name, or an id.")
  var name: String

  @OptionGroup var manifests: ManifestOptions
  @OptionGroup var connection: ConnectionOptions

  @Option(help: "How far back: 30m, 24h, 7d, 2w.")
  var since: TimeWindow = TimeWindow(argument: "7d")!

  @Option(help: "Bucket size: hour, day or week.")
  var interval: Interval = .day

  @Option(help: "One series per metric kind (success, failure, other) or per metric name.")
  var breakdown: Breakdown = .kind

  @Flag(help: "Draw the sparklines even when standard output is not a terminal.")
  var chart = false

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  func run() async throws {
    try await OperationContext.with(manifests: manifests, connection: connection) { context in
      let function = try await context.resolve(name)
      let query = MetricsQuery(
        after: since.relative, interval: MetricsQuery.Interval(rawValue: interval.rawValue),
        breakdownBy: MetricsQuery.Breakdown(rawValue: breakdown.rawValue))
      let metrics = try await context.api.functionMetrics(id: function.id, query: query)
      switch format {
      case .json:
        let object: JSONValue = [
          "format_version": "1", "function": .string(function.name), "id": .string(function.id),
          "labels": .array(metrics.labels.map(JSONValue.string)),
          "series": .array(
            metrics.series.map {
              ["name": .string($0.name), "values": .array($0.values.map(JSONValue.number))]
            }),
        ]
        Terminal.output(object.serialized(pretty: true) + "\n")
      case .text:
        let charts = chart || Terminal.standardOutputIsTerminal
        Terminal.output(charts ? Self.charts(metrics, function: function.name) : Self.table(metrics))
      }
    }
  }

  static func charts(_ metrics: FunctionMetrics, function: String) -> String {
    let span = "\(metrics.labels.first ?? "") … \(metrics.labels.last ?? "")"
    var text = "\(function): \(metrics.labels.count) buckets, \(span)\n"
    guard !metrics.series.isEmpty else { return text + "  no metrics recorded in this window\n" }
    let width = metrics.series.map(\.name.count).max() ?? 0
    for series in metrics.series {
      let total = series.values.reduce(0, +)
      let peak = series.values.max() ?? 0
      text +=
        "  \(series.name.padding(toLength: width, withPad: " ", startingAt: 0))  "
        + "\(Sparkline.render(series.values))  total \(FunctionStatusReport.count(total)), "
        + "max \(FunctionStatusReport.count(peak))\n"
    }
    return text
  }

  static func table(_ metrics: FunctionMetrics) -> String {
    let rows = metrics.labels.enumerated().map { index, label in
      [label]
        + metrics.series.map { FunctionStatusReport.count(index < $0.values.count ? $0.values[index] : 0) }
    }
    return TextTable(headers: ["BUCKET"] + metrics.series.map(\.name), rows: rows).render()
  }
}
