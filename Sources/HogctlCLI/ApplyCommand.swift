import ArgumentParser

// SKELETON: replaced by the module that implements `hogctl apply`.
struct ApplyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "apply", abstract: "(not implemented yet)")

  func run() async throws {
    throw ValidationError("hogctl apply is not implemented yet")
  }
}
