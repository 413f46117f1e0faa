import ArgumentParser
import Foundation
import HogctlJSON

/// `hogctl icons QUERY`: icons PostHog knows, with the URLs `icon_url:` takes.
struct IconsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "icons",
    abstract: "Search PostHog's icons; each URL can be used as a manifest's icon_url.",
    discussion: """
      Example:

        hogctl icons slack
      """)

  @Argument(help: "Text to search icon names for, e.g. slack.")
  var query: String

  @OptionGroup var manifests: ManifestOptions
  @OptionGroup var connection: ConnectionOptions

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  func run() async throws {
    try await OperationContext.with(manifests: manifests, connection: connection) { context in
      let icons = try await context.api.icons(query: query)
      switch format {
      case .json:
        let list: [JSONValue] = icons.map {
          ["id": .string($0.id), "name": .string($0.name), "url": .string($0.url)]
        }
        Terminal.output(JSONValue.array(list).serialized(pretty: true) + "\n")
      case .text:
        guard !icons.isEmpty else {
          Terminal.output("No icons match '\(query)'.\n")
          return
        }
        Terminal.output(
          TextTable(headers: ["NAME", "ID", "ICON_URL"], rows: icons.map { [$0.name, $0.id, $0.url] })
            .render())
      }
    }
  }
}
