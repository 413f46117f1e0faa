import ArgumentParser

// SKELETON: replaced by the module that implements `hogctl validate`.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "validate", abstract: "(not implemented yet)")

  func run() async throws {
    throw ValidationError("hogctl validate is not implemented yet")
  }
}
