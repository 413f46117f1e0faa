import ArgumentParser
import HogctlCore

/// The root command: `hogctl <subcommand>`.
public struct HogctlCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "hogctl",
    abstract: "Config-as-code for PostHog hog functions: validate, plan and apply YAML manifests.",
    version: HogctlVersion.current,
    subcommands: [
      ValidateCommand.self,
      PlanCommand.self,
      ApplyCommand.self,
      EmulatorCommand.self,
      ImportCommand.self,
      TestCommand.self,
      StatusCommand.self,
      LogsCommand.self,
      MetricsCommand.self,
      BroadcastCommand.self,
      IconsCommand.self,
      ListCommand.self,
      HogCommand.self,
    ]
  )

  public init() {}
}
