import Foundation
import Hummingbird
import ServiceLifecycle

/// Starts an emulator in this process and returns once its socket is bound (port 0 picks a free
/// port; the real one is in `baseURL`). Throws when the state file is unreadable or the port
/// cannot be bound. `shutdown()` stops it.
public func startEmulator(_ configuration: EmulatorConfiguration) async throws -> RunningEmulator {
  let keys =
    configuration.apiKeys.isEmpty ? [.init(key: generateAPIKey(), scope: .all)] : configuration.apiKeys
  let started = StartSignal()
  let app = try buildApplication(configuration, keys: keys) { port in await started.bound(port) }
  let group = ServiceGroup(
    configuration: .init(services: [app], gracefulShutdownSignals: [], logger: app.logger))
  let task = Task {
    do {
      try await group.run()
      await started.failed(EmulatorStartupError(description: "the emulator stopped before it started"))
    } catch {
      await started.failed(
        EmulatorStartupError(
          description: "cannot serve on \(configuration.host):\(configuration.port): \(error)"))
    }
  }
  let port = try await started.wait()
  let primary = keys.first(where: { $0.scope == .all }) ?? keys[0]
  let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
  return RunningEmulator(
    baseURL: URL(string: "http://\(host):\(port)")!, projectID: configuration.projectID,
    apiKey: primary.key,
    stop: {
      await group.triggerGracefulShutdown()
      await task.value
    },
    wait: { await task.value })
}

/// A fresh personal-API-key-shaped key: `phx_` and 40 letters and digits.
public func generateAPIKey() -> String {
  let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
  return "phx_" + String((0..<40).map { _ in alphabet.randomElement()! })
}

/// Waits for the first of "bound to a port" and "failed to start".
private actor StartSignal {
  private var result: Result<Int, any Error>?
  private var waiters: [CheckedContinuation<Int, any Error>] = []

  func bound(_ port: Int) { finish(.success(port)) }
  func failed(_ error: any Error) { finish(.failure(error)) }

  func wait() async throws -> Int {
    if let result { return try result.get() }
    return try await withCheckedThrowingContinuation { waiters.append($0) }
  }

  private func finish(_ outcome: Result<Int, any Error>) {
    guard result == nil else { return }
    result = outcome
    for waiter in waiters { waiter.resume(with: outcome) }
    waiters = []
  }
}
