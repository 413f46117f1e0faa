import Foundation

/// An emulator serving on a real socket. `startEmulator` returns it once the port is bound.
public final class RunningEmulator: Sendable {
  /// e.g. `http://127.0.0.1:53122`
  public let baseURL: URL
  public let projectID: Int
  /// A key with every scope, for clients and tests.
  public let apiKey: String
  private let stopAction: @Sendable () async -> Void
  private let waitAction: @Sendable () async -> Void

  public init(
    baseURL: URL, projectID: Int, apiKey: String, stop: @escaping @Sendable () async -> Void,
    wait: @escaping @Sendable () async -> Void = {}
  ) {
    self.baseURL = baseURL
    self.projectID = projectID
    self.apiKey = apiKey
    self.stopAction = stop
    self.waitAction = wait
  }

  /// Returns when the server has stopped (after `shutdown()`).
  public func waitUntilStopped() async {
    await waitAction()
  }

  /// Stops serving and waits until the server has shut down.
  public func shutdown() async {
    await stopAction()
  }
}

// `startEmulator(_:)` is in Server/StartEmulator.swift.
