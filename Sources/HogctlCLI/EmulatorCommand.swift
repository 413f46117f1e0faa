import ArgumentParser
import Emulator
import Foundation

/// `hogctl emulator`: serves the PostHog hog-functions API locally until SIGINT or SIGTERM.
struct EmulatorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "emulator",
    abstract: "Serve a local PostHog hog-functions API (for trying manifests and for tests).")

  @Option(help: "Address to listen on.") var host = "127.0.0.1"
  @Option(help: "Port to listen on (0 picks a free one).") var port = 8010
  @Option(name: .customLong("project-id"), help: "The project id served (besides @current).")
  var projectID = 1
  @Option(help: "Keep functions in this JSON file across restarts.") var state: String?
  @Option(
    name: .customLong("api-key"),
    help: "Accepted key, KEY[:read|:write|:all]; repeatable. Default: one generated key.")
  var apiKeys: [String] = []
  @Option(name: .customLong("rate-limit"), help: "Per-key limits, e.g. 480/minute,4800/hour, or off.")
  var rateLimit = "480/minute,4800/hour"
  @Option(name: .customLong("latency-ms"), help: "Added latency per request: N or N-M milliseconds.")
  var latency: String?
  @Option(name: .customLong("fault-rate"), help: "Share (0..1) of API requests that fail at random.")
  var faultRate = 0.0
  @Option(help: "Seed for random faults and latency, to repeat a run.") var seed: UInt64?

  func validate() throws {
    guard (0...1).contains(faultRate) else { throw ValidationError("--fault-rate must be between 0 and 1") }
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
  }

  func run() async throws {
    let emulatorConfiguration: EmulatorConfiguration
    do {
      emulatorConfiguration = EmulatorConfiguration(
        host: host, port: port, projectID: projectID, statePath: state,
        apiKeys: try apiKeys.map(EmulatorConfiguration.parseAPIKey),
        rateLimit: try EmulatorConfiguration.parseRateLimit(rateLimit),
        latencyMilliseconds: try latency.map(EmulatorConfiguration.parseLatency), faultRate: faultRate,
        seed: seed)
    } catch let error as EmulatorConfiguration.OptionError {
      throw ValidationError(error.description)
    }
    let signals = SignalWaiter()
    let emulator: RunningEmulator
    do {
      emulator = try await startEmulator(emulatorConfiguration)
    } catch {
      printError("error: \(error)")
      throw ExitCode.failure
    }
    // Written unbuffered so the URL and key show at once even when stdout is a pipe.
    FileHandle.standardOutput.write(
      Data((banner(emulator, configuration: emulatorConfiguration) + "\n").utf8))
    await signals.wait()
    print("Stopping the emulator.")
    await emulator.shutdown()
  }

  private func banner(_ emulator: RunningEmulator, configuration: EmulatorConfiguration) -> String {
    let base = emulator.baseURL.absoluteString
    let key =
      apiKeys.isEmpty
      ? "\(emulator.apiKey)  (generated, every scope)"
      : configuration.apiKeys.map { "\(Self.masked($0.key)) (\($0.scope.rawValue))" }.joined(separator: ", ")
    let limit =
      configuration.rateLimit.map { "\($0.perMinute)/minute, \($0.perHour)/hour per key" } ?? "off"
    return """
      hogctl emulator: a local PostHog hog-functions API
        Base URL:    \(base)
        Project id:  \(configuration.projectID)  (paths: /api/environments/\(configuration.projectID)/hog_functions/, /api/projects/@current/...)
        API key:     \(key)
        State:       \(configuration.statePath ?? "in memory (lost on exit)")
        Rate limit:  \(limit)
        Faults:      \(configuration.faultRate > 0 ? "\(configuration.faultRate) of requests at random" : "none at random"); scripted via \(base)/_emulator/faults
      Simulated, not real: bytecode is a placeholder (["_H", 1, ...]) derived from the source,
      and Hog code is not executed (invocations and broadcasts log that instead of running it).
      Admin API (no auth): \(base)/_emulator/ (faults, reset, seed, stats). Ctrl-C stops.
      """
  }

  /// A key given on the command line is shown only by its ends.
  static func masked(_ key: String) -> String {
    key.count <= 10 ? String(repeating: "*", count: key.count) : "\(key.prefix(6))…\(key.suffix(2))"
  }

  private func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}

/// Waits for SIGINT or SIGTERM (the default handlers are replaced so the process can shut down).
final class SignalWaiter {
  private let stream: AsyncStream<Void>
  private let sources: [any DispatchSourceSignal]

  init() {
    let (stream, continuation) = AsyncStream<Void>.makeStream()
    self.stream = stream
    self.sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { continuation.yield() }
      source.resume()
      return source
    }
  }

  func wait() async {
    for await _ in stream { return }
  }
}
