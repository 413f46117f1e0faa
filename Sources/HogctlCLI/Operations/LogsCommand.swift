import ArgumentParser
import Foundation
import HogctlJSON
import PostHogAPI

/// `hogctl logs NAME`: a function's log lines, oldest first, optionally followed.
struct LogsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "logs",
    abstract: "Print a function's log lines (oldest first); --follow keeps printing new ones.",
    discussion: """
      NAME is a manifest's name, a live function's name or its id. Prints the newest --limit \
      lines that match, oldest first. --follow then asks for new lines every 2 seconds until \
      interrupted (with --format json, one JSON object per line). Example:

        hogctl logs "Slack – new signups" --level error --since 1h
      """)

  @Argument(help: "The function: a manifest's name, a live function's name, or an id.")
  var name: String

  @OptionGroup var manifests: ManifestOptions
  @OptionGroup var connection: ConnectionOptions

  @Option(
    parsing: .singleValue,
    help: "Only these levels: debug, info, warn, error (repeatable or comma-separated).")
  var level: [String] = []

  @Option(help: "Only lines from this far back: 30m, 24h, 7d, 2w.")
  var since: TimeWindow?

  @Option(help: "Only lines whose message contains this text (case-insensitive).")
  var search: String?

  @Option(help: "How many lines at most (1 to 500).")
  var limit: Int = 50

  @Flag(help: "Keep printing new lines until interrupted.")
  var follow = false

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  static let levels = ["DEBUG", "INFO", "WARN", "ERROR"]

  var levelFilter: [String] {
    level.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
  }

  func validate() throws {
    for value in levelFilter where !Self.levels.contains(value) {
      throw ValidationError("Unknown level '\(value)'; expected debug, info, warn or error.")
    }
    guard (1...500).contains(limit) else { throw ValidationError("--limit must be 1 to 500.") }
  }

  func run() async throws {
    try await OperationContext.with(manifests: manifests, connection: connection) { context in
      let function = try await context.resolve(name)
      var query = LogsQuery(limit: limit, after: since?.start(), levels: levelFilter, search: search)
      let first = try await context.api.functionLogs(id: function.id, query: query).entries.reversed()
      if format == .json && !follow {
        let logs = JSONValue.array(first.map(Self.json))
        let object: JSONValue = [
          "format_version": "1", "function": .string(function.name), "id": .string(function.id), "logs": logs,
        ]
        Terminal.output(object.serialized(pretty: true) + "\n")
        return
      }
      emit(Array(first))
      guard follow else { return }
      var seen = Set(first.map(Self.key))
      var newest = first.last?.timestamp ?? ISOTime.format(Date())
      while !Task.isCancelled {
        try await Task.sleep(for: .seconds(2))
        query.after = newest
        let fresh = try await context.api.functionLogs(id: function.id, query: query).entries.reversed()
          .filter { !seen.contains(Self.key($0)) }
        emit(fresh)
        seen.formUnion(fresh.map(Self.key))
        newest = fresh.last?.timestamp ?? newest
      }
    }
  }

  private func emit(_ entries: [LogEntry]) {
    let text = entries.map { entry in
      format == .json
        ? Self.json(entry).serialized() + "\n"
        : "\(entry.timestamp) \(entry.level.padding(toLength: 5, withPad: " ", startingAt: 0)) \(entry.message)\n"
    }
    Terminal.output(text.joined())
  }

  private static func key(_ entry: LogEntry) -> String {
    "\(entry.timestamp)\u{0}\(entry.instanceID)\u{0}\(entry.message)"
  }

  private static func json(_ entry: LogEntry) -> JSONValue {
    [
      "timestamp": .string(entry.timestamp), "level": .string(entry.level), "message": .string(entry.message),
      "instance_id": .string(entry.instanceID),
    ]
  }
}
