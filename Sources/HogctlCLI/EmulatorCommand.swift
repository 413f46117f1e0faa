import ArgumentParser

// SKELETON: replaced by the module that implements `hogctl emulator`.
struct EmulatorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "emulator", abstract: "(not implemented yet)")

  func run() async throws {
    throw ValidationError("hogctl emulator is not implemented yet")
  }
}
