import ArgumentParser

// SKELETON: replaced by the module that implements `hogctl plan`.
struct PlanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "plan", abstract: "(not implemented yet)")

  func run() async throws {
    throw ValidationError("hogctl plan is not implemented yet")
  }
}
