import Foundation
import HogctlCore
import Testing

@testable import PostHogAPI

@Suite struct ClientRetryTests {
  static let throttled = APIResponse.posthogError(
    429, type: "throttled_error", code: "throttled",
    detail: "Request was throttled. Expected available in 1 seconds.", headers: ["Retry-After": "1"])
  static let unavailable = APIResponse(status: 503, body: Data("Service Unavailable".utf8))

  @Test func aThrottledGetWaitsRetryAfterAndSucceeds() async throws {
    let clock = ManualClock()
    let transport = FakeTransport([
      .respond(Self.throttled), .respond(.json(200, functionJSON(id: "a", name: "A"))),
    ])
    let client = try TestSettings.client(transport, clock: clock, rateLimit: RateLimit())
    let function = try await client.getHogFunction(id: "a")
    #expect(function.name == "A")
    #expect(transport.requests.count == 2)
    #expect(clock.sleeps == [1])
    #expect(await client.rateLimiter?.throttleCount == 1)
  }

  @Test func theClientStartsRefillWhenTheFirstAnswerArrives() async throws {
    let clock = ManualClock()
    // Every answer takes half a second; 2/minute refills a token every 30 seconds.
    let transport = FakeTransport(handler: { _ in
      clock.advance(by: 0.5)
      return .json(200, functionJSON(id: "a", name: "A"))
    })
    let client = try TestSettings.client(
      transport, clock: clock, rateLimit: RateLimit(perMinute: 2, perHour: 1000))
    for _ in 0..<3 { _ = try await client.getHogFunction(id: "a") }
    // The third request waits for a token refilled from the first answer, not the first send:
    // 30 seconds after 1000.5, less the second answer's half second already passed.
    let sleep = try #require(clock.sleeps.first)
    #expect(clock.sleeps.count == 1 && abs(sleep - 29.5) < 0.001, "\(clock.sleeps)")
  }

  @Test func threeUnavailableAnswersThenSuccess() async throws {
    let clock = ManualClock()
    clock.randomValue = 1
    let transport = FakeTransport([
      .respond(Self.unavailable), .respond(Self.unavailable), .respond(Self.unavailable),
      .respond(.json(200, functionJSON(id: "a", name: "A"))),
    ])
    _ = try await TestSettings.client(transport, clock: clock).updateHogFunction(id: "a", ["enabled": true])
    #expect(transport.requests.count == 4)
    #expect(clock.sleeps == [0.5, 1, 2])
  }

  @Test func aCreateIsNeverSentTwiceAfterADroppedConnection() async throws {
    let transport = FakeTransport([
      .fail(.connectionLost("reset by peer")), .respond(.json(201, functionJSON(id: "a", name: "Hook"))),
    ])
    await #expect(throws: APIError.self) {
      _ = try await TestSettings.client(transport).createHogFunction(["name": "Hook", "hog": "return 1"])
    }
    #expect(transport.requests.count == 1)
    do {
      _ = try await TestSettings.client(FakeTransport([.fail(.connectionLost("reset"))])).createHogFunction([
        "name": "Hook"
      ])
      Issue.record("expected an error")
    } catch let error as APIError {
      guard case .ambiguousCreate(let name, _, let context) = error else {
        Issue.record("expected ambiguousCreate, got \(error)")
        return
      }
      #expect(name == "Hook")
      #expect(context.method == "POST")
      #expect(error.localizedDescription.contains("creating 'Hook' may or may not have succeeded"))
    }
  }

  @Test(arguments: [500, 502, 503, 504])
  func aCreateAnsweredWithAServerErrorIsAmbiguousAndNotRepeated(status: Int) async throws {
    let transport = FakeTransport([
      .respond(APIResponse(status: status)), .respond(.json(201, functionJSON(id: "a", name: "Hook"))),
    ])
    await #expect {
      _ = try await TestSettings.client(transport).createHogFunction(["name": "Hook"])
    } throws: { error in
      if case .ambiguousCreate(name: "Hook", _, _) = error as? APIError { return true }
      return false
    }
    #expect(transport.requests.count == 1)
  }

  @Test func aCreateIsRetriedWhenTheServerCertainlyDidNotActOnIt() async throws {
    let transport = FakeTransport([
      .fail(.cannotConnect("connection refused")), .respond(Self.throttled),
      .respond(.json(201, functionJSON(id: "a", name: "Hook"))),
    ])
    let created = try await TestSettings.client(transport).createHogFunction(["name": "Hook"])
    #expect(created.id == "a")
    #expect(transport.requests.count == 3)
  }

  @Test func broadcastAndInvocationsAreNotRepeated() async throws {
    let broadcast = FakeTransport([.respond(Self.unavailable), .respond(.json(200, ["success": true]))])
    await #expect(throws: APIError.self) { try await TestSettings.client(broadcast).broadcast(id: "a") }
    #expect(broadcast.requests.count == 1)
    let invoke = FakeTransport([.fail(.timedOut), .respond(.json(200, ["status": "success"]))])
    await #expect(throws: APIError.self) {
      _ = try await TestSettings.client(invoke).invoke(id: "new", body: ["configuration": [:]])
    }
    #expect(invoke.requests.count == 1)
  }

  @Test func getsGiveUpAfterTheLastAttempt() async throws {
    let transport = FakeTransport(handler: { _ in Self.unavailable })
    await #expect {
      _ = try await TestSettings.client(transport).getHogFunction(id: "a")
    } throws: { error in
      (error as? APIError)?.failure?.attempts == 5
    }
    #expect(transport.requests.count == RetryPolicy.default.maxAttempts)
  }

  @Test func cancellationStopsTheRetryLoop() async throws {
    let transport = FakeTransport(handler: { _ in Self.unavailable })
    let settings = TestSettings.settings(
      retry: RetryPolicy(maxAttempts: 1000, baseDelay: 0.01, maxDelay: 0.01))
    let client = try PostHogClient(settings: settings, transport: transport)
    let task = Task { try await client.getHogFunction(id: "a") }
    try await Task.sleep(for: .milliseconds(100))
    task.cancel()
    await #expect(throws: CancellationError.self) { _ = try await task.value }
    let sent = transport.requests.count
    try await Task.sleep(for: .milliseconds(100))
    #expect(transport.requests.count == sent)
    #expect(sent < 1000)
  }

  @Test func redirectsOnTheSameHostKeepTheKeyAndOtherHostsNeverSeeIt() async throws {
    let transport = FakeTransport([
      .respond(APIResponse(status: 301, headers: ["Location": "/api/projects/7/hog_functions/icon/?id=x"])),
      .respond(APIResponse(status: 302, headers: ["Location": "https://cdn.example.net/x.png"])),
      .respond(APIResponse(status: 200, headers: ["Content-Type": "image/png"], body: Data([1, 2]))),
    ])
    let image = try await TestSettings.client(transport).icon(id: "x")
    #expect(image.data == Data([1, 2]))
    let requests = transport.requests
    #expect(
      requests.map { $0.url.host } == ["posthog.example.com", "posthog.example.com", "cdn.example.net"])
    #expect(requests.map { $0.header("Authorization") != nil } == [true, true, false])
  }

  @Test func aWriteRedirectedToAnotherHostIsRefused() async throws {
    let transport = FakeTransport([
      .respond(APIResponse(status: 307, headers: ["Location": "https://elsewhere.example.net/api/"]))
    ])
    await #expect {
      _ = try await TestSettings.client(transport).updateHogFunction(id: "a", ["name": "x"])
    } throws: { error in
      if case .untrustedURL = error as? APIError { return true }
      return false
    }
    #expect(transport.requests.count == 1)
  }
}
