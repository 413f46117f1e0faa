import ArgumentParser
import Foundation
import HogctlJSON

/// `hogctl broadcast NAME`: runs a function once for every person its filters match.
struct BroadcastCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "broadcast",
    abstract: "Broadcast a function: PostHog runs it once for every matching person, for real.",
    discussion: """
      PostHog sends one invocation per person matching the function's filters.properties, with \
      an event named $broadcast; async functions such as fetch really run, and a broadcast \
      cannot be undone or safely repeated. Asks for confirmation on a terminal; elsewhere --yes \
      is required. PostHog refuses to broadcast a disabled function. Example:

        hogctl broadcast "Welcome email" --yes
      """)

  @Argument(help: "The function: a manifest's name, a live function's name, or an id.")
  var name: String

  @OptionGroup var manifests: ManifestOptions
  @OptionGroup var connection: ConnectionOptions

  @Flag(name: [.customLong("yes"), .customShort("y")], help: "Broadcast without asking for confirmation.")
  var yes = false

  func run() async throws {
    if !yes && !Terminal.standardInputIsTerminal {
      throw CommandError(
        "Not broadcast: a broadcast messages every matching person, so it asks for confirmation, "
          + "and standard input is not a terminal. Pass --yes to broadcast without asking.")
    }
    try await OperationContext.with(manifests: manifests, connection: connection) { context in
      let function = try await context.resolve(name)
      if !yes {
        Terminal.output(
          "Broadcast \"\(function.name)\" (\(function.id)) in \(context.session.target)? PostHog runs it "
            + "once for every matching person, for real.\nOnly 'yes' will be accepted.\n  Enter a value: ")
        guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
          throw CommandError("Broadcast cancelled: nothing was sent.")
        }
      }
      let answer = try await context.api.broadcastAnswer(id: function.id)
      Terminal.output(
        "Broadcast \"\(function.name)\" (\(function.id)). PostHog answered: \(answer.serialized())\n")
    }
  }
}
