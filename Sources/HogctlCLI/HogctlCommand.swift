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
    ]
  )

  public init() {}
}
