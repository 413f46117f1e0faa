import ArgumentParser
import Foundation

/// The process entry point: parses the arguments and runs the chosen subcommand. Errors become
/// argument-parser's exit codes (64 for bad usage) or the command's own `ExitCode`.
public enum HogctlMain {
  public static func run(_ arguments: [String]? = nil) async -> Never {
    do {
      var command = try HogctlCommand.parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      HogctlCommand.exit()
    } catch {
      // Printed here rather than by argument-parser, so the message passes the redactor too.
      let code = HogctlCommand.exitCode(for: error)
      let message = HogctlCommand.fullMessage(for: error)
      if !message.isEmpty {
        if code == .success { Terminal.output(message + "\n") } else { Terminal.error(message) }
      }
      exit(code.rawValue)
    }
  }
}
