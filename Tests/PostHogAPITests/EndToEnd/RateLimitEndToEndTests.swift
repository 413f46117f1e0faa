import Foundation
import HogctlCore
import PostHogAPI
import Synchronization
import Testing

@testable import Emulator

/// The client's rate limiter against the emulator's, over real sockets. Whether the server
/// answers 429 also depends on when each request happens to arrive, which the scheduler decides;
/// so the check is on the limiter's decisions: the moments the client sent its requests, counted
/// by the emulator's own limiter, must all be let through.
@Suite(.serialized) struct RateLimitEndToEndTests {
  @Test func concurrentRequestsAreSentWithinTheServersBudget() async throws {
    // 240/minute: a burst of 240, then 4 a second, on both sides.
    let limit = EmulatorConfiguration.RateLimit(perMinute: 240, perHour: 100_000)
    try await withEmulator(EmulatorConfiguration(port: 0, rateLimit: limit)) { emulator, _, admin in
      try await admin.seedFunctions(1)
      var settings = ClientSettings(
        host: emulator.baseURL, projectID: String(emulator.projectID), apiKey: emulator.apiKey)
      settings.rateLimit = RateLimit(perMinute: 240, perHour: 100_000)
      settings.parallelism = 8
      let transport = SendTimeRecorder(URLSessionTransport())
      let client = try PostHogClient(settings: settings, transport: transport)
      let id = try #require(try await client.listHogFunctions(types: ["destination"]).first?.id)
      let results = try await boundedConcurrentMap(Array(0..<300), limit: 8) { _ in
        try await client.getHogFunction(id: id).id
      }
      #expect(results.count == 300)

      let sent = transport.sendTimes
      #expect(sent.count >= 301)
      // Past the burst: the run had to wait for refills, so spacing was tested.
      #expect(try #require(sent.last) - sent[0] > 10)
      let server = Emulator.RateLimiter(limit: limit)
      var refused = 0
      for time in sent
      where await server.take(key: "k", now: Date(timeIntervalSinceReferenceDate: time)) != nil {
        refused += 1
      }
      #expect(
        refused == 0, "\(refused) of \(sent.count) requests were sent before the server's budget allowed")
    }
  }
}

/// Notes the moment each request leaves the client, then sends it.
private final class SendTimeRecorder: HTTPTransport {
  private let inner: any HTTPTransport
  private let start = ContinuousClock.now
  private let times = Mutex<[Double]>([])

  init(_ inner: any HTTPTransport) {
    self.inner = inner
  }

  /// Seconds since the recorder was made, in sending order.
  var sendTimes: [Double] { times.withLock { $0.sorted() } }

  func send(_ request: APIRequest) async throws -> APIResponse {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    times.withLock { $0.append(seconds) }
    return try await inner.send(request)
  }
}
