import ArgumentParser
import Foundation
import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler

/// `hogctl list`: the live functions as a table, each marked with the manifest that manages it.
struct ListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the live functions and which manifest manages each.",
    discussion: """
      Reads the live functions of the types in scope (manage.types and the manifests' types; \
      --all for every type) in one paginated list. Functions no manifest names are marked \
      "unmanaged": plan leaves them alone unless manage.prune is on. Example:

        hogctl list functions/ --type transformation
      """)

  @OptionGroup var manifests: ManifestOptions
  @OptionGroup var connection: ConnectionOptions

  @Option(name: .customLong("type"), help: "Only functions of this type (repeatable).")
  var types: [String] = []

  @Flag(help: "Every function type, not only the types in scope.")
  var all = false

  @Option(help: "Output format: text (a table) or json.")
  var format: OutputFormat = .text

  func validate() throws {
    for type in types where !PostHogClient.allTypes.contains(type) {
      throw ValidationError(
        "Unknown type '\(type)'; expected one of \(PostHogClient.allTypes.joined(separator: ", ")).")
    }
  }

  func run() async throws {
    try await OperationContext.with(manifests: manifests, connection: connection) { context in
      let scope = types.isEmpty ? (all ? PostHogClient.allTypes : context.typesInScope) : types
      let live = try await context.api.listHogFunctionsWithHealth(types: scope)
      let rows = LiveFunctionRow.rows(live: live, manifests: context.result)
      switch format {
      case .text:
        Terminal.output(LiveFunctionRow.table(rows))
        Terminal.output(LiveFunctionRow.summary(rows, types: scope, settings: context.result.settings) + "\n")
      case .json:
        Terminal.output(LiveFunctionRow.json(rows, types: scope).serialized(pretty: true) + "\n")
      }
    }
  }
}

/// One live function in `list`, with what manages it.
struct LiveFunctionRow {
  enum Management: Equatable {
    case managed(by: String)
    case ignored
    case unmanaged
  }

  var function: ListedHogFunction
  var management: Management

  static func rows(live: [ListedHogFunction], manifests: ManifestLoadResult) -> [LiveFunctionRow] {
    let ignore = manifests.settings.ignore.map(NameGlob.init)
    // A `deleted: true` manifest still names its function: plan deletes it, so it is not drift.
    let matching = FunctionMatcher.match(desired: manifests.functions, live: live.map(\.function))
    var owners: [String: String] = [:]
    for match in matching.matches {
      guard let id = match.live?.id else { continue }
      owners[id] =
        "\(match.desired.location.file):\(match.desired.location.line)"
        + (match.desired.deleted ? " (deleted: true)" : "")
    }
    return live.map { listed in
      let management: Management =
        if let owner = owners[listed.function.id] {
          .managed(by: owner)
        } else if ignore.contains(where: { $0.matches(listed.function.name) }) {
          .ignored
        } else {
          .unmanaged
        }
      return LiveFunctionRow(function: listed, management: management)
    }
    .sorted {
      ($0.function.function.type, $0.function.function.name) < (
        $1.function.function.type, $1.function.function.name
      )
    }
  }

  static func table(_ rows: [LiveFunctionRow]) -> String {
    TextTable(
      headers: ["NAME", "TYPE", "ENABLED", "ORDER", "ID", "MANAGED BY"],
      rows: rows.map { row in
        let function = row.function.function
        return [
          function.name, function.type, function.enabled ? "yes" : "no",
          function.executionOrder.map(String.init) ?? "-", function.id, row.managementText,
        ]
      }
    ).render()
  }

  var managementText: String {
    switch management {
    case .managed(let location): location
    case .ignored: "(ignored: manage.ignore)"
    case .unmanaged: "(unmanaged)"
    }
  }

  static func summary(_ rows: [LiveFunctionRow], types: [String], settings: ProjectSettings) -> String {
    let managed = rows.count { if case .managed = $0.management { true } else { false } }
    let unmanaged = rows.count { $0.management == .unmanaged }
    let ignored = rows.count { $0.management == .ignored }
    var text =
      "\(rows.count) live function\(rows.count == 1 ? "" : "s") (\(types.joined(separator: ", "))): "
      + "\(managed) managed, \(unmanaged) unmanaged"
    if ignored > 0 { text += ", \(ignored) ignored" }
    text += "."
    if unmanaged > 0 {
      text +=
        settings.prune
        ? " manage.prune is on: plan deletes unmanaged functions of the managed types."
        : " manage.prune is off: plan leaves unmanaged functions alone."
    }
    return text
  }

  static func json(_ rows: [LiveFunctionRow], types: [String]) -> JSONValue {
    let functions: [JSONValue] = rows.map { row in
      let function = row.function.function
      var managedBy: JSONValue = .null
      if case .managed(let location) = row.management { managedBy = .string(location) }
      return [
        "name": .string(function.name), "type": .string(function.type), "enabled": .bool(function.enabled),
        "execution_order": function.executionOrder.map { .number(Double($0)) } ?? .null,
        "id": .string(function.id), "managed_by": managedBy,
        "ignored": .bool(row.management == .ignored),
        "health": row.function.health.map { .string($0.description) } ?? .null,
      ]
    }
    return [
      "format_version": "1", "types": .array(types.map(JSONValue.string)), "functions": .array(functions),
    ]
  }
}
