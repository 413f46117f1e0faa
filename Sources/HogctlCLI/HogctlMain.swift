import ArgumentParser

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
      HogctlCommand.exit(withError: error)
    }
  }
}
