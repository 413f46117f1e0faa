import Foundation
import Testing

@testable import PostHogAPI

/// The URLSession transport over a real socket.
@Suite struct URLSessionTransportTests {
  @Test func sendsMethodHeadersAndBodyAndReadsTheAnswer() async throws {
    let server = try LocalHTTPServer { _ in
      .respond(
        status: 201, headers: ["Content-Type": "application/json", "X-Extra": "1"],
        body: Data("{\"id\":\"a\"}".utf8))
    }
    defer { server.stop() }
    let transport = URLSessionTransport(timeout: 5)
    let response = try await transport.send(
      APIRequest(
        method: .post, url: server.url.appendingPathComponent("api/x/"),
        headers: ["Authorization": "Bearer k", "Content-Type": "application/json"],
        body: Data("{\"n\":1}".utf8)))
    #expect(response.status == 201)
    #expect(response.header("x-extra") == "1")
    #expect(String(decoding: response.body, as: UTF8.self) == "{\"id\":\"a\"}")
    let request = try #require(server.requests.first)
    #expect(request.method == "POST")
    #expect(request.path == "/api/x/")
    #expect(request.headers["authorization"] == "Bearer k")
    #expect(String(decoding: request.body, as: UTF8.self) == "{\"n\":1}")
  }

  @Test func redirectsAreHandedBackUnfollowed() async throws {
    let server = try LocalHTTPServer { request in
      request.path == "/start"
        ? .respond(status: 302, headers: ["Location": "http://127.0.0.1:9/elsewhere"], body: Data())
        : .respond(status: 200, headers: [:], body: Data())
    }
    defer { server.stop() }
    let response = try await URLSessionTransport(timeout: 5).send(
      APIRequest(
        method: .get, url: server.url.appendingPathComponent("start"), headers: ["Authorization": "Bearer k"])
    )
    #expect(response.status == 302)
    #expect(response.header("Location") == "http://127.0.0.1:9/elsewhere")
    #expect(server.requests.count == 1)
  }

  @Test func theClientFollowsASameHostRedirectWithTheKeyOverRealHTTP() async throws {
    let server = try LocalHTTPServer { request in
      request.path.hasPrefix("/api/environments/1/hog_functions/old/")
        ? .respond(status: 301, headers: ["Location": "/api/environments/1/hog_functions/new/"], body: Data())
        : .respond(status: 200, headers: [:], body: Data("{\"id\":\"new\",\"name\":\"N\"}".utf8))
    }
    defer { server.stop() }
    let settings = ClientSettings(host: server.url, projectID: "1", apiKey: "phx_local_key", rateLimit: nil)
    let function = try await PostHogClient(settings: settings).getHogFunction(id: "old")
    #expect(function.id == "new")
    #expect(
      server.requests.map(\.headers["authorization"]) == ["Bearer phx_local_key", "Bearer phx_local_key"])
  }

  @Test func aDroppedConnectionIsAConnectionFailure() async throws {
    let server = try LocalHTTPServer { _ in .drop }
    defer { server.stop() }
    await #expect {
      _ = try await URLSessionTransport(timeout: 5).send(APIRequest(method: .post, url: server.url))
    } throws: { error in
      guard let error = error as? TransportError else { return false }
      return error.requestMayHaveBeenSent
    }
  }

  @Test func aRefusedConnectionSaysNothingWasSent() async throws {
    let refusing = try RefusingPort()
    await #expect {
      _ = try await URLSessionTransport(timeout: 5).send(APIRequest(method: .get, url: refusing.url))
    } throws: { error in
      (error as? TransportError)?.requestMayHaveBeenSent == false
    }
    withExtendedLifetime(refusing) {}
  }

  @Test func aSlowAnswerTimesOut() async throws {
    let server = try LocalHTTPServer { _ in .delay(seconds: 3, then: 200) }
    defer { server.stop() }
    await #expect(throws: TransportError.timedOut) {
      _ = try await URLSessionTransport(timeout: 1).send(APIRequest(method: .get, url: server.url))
    }
  }

  @Test func cancellationCancelsTheRequest() async throws {
    let server = try LocalHTTPServer { _ in .delay(seconds: 15, then: 200) }
    defer { server.stop() }
    let transport = URLSessionTransport(timeout: 60)
    let started = ContinuousClock.now
    let task = Task { try await transport.send(APIRequest(method: .get, url: server.url)) }
    try await Task.sleep(for: .milliseconds(200))
    task.cancel()
    await #expect(throws: CancellationError.self) { _ = try await task.value }
    // The server answers only after 15 s: finishing well before that means the cancel worked
    // (the bound is loose so a loaded machine cannot make it flake).
    #expect(ContinuousClock.now - started < .seconds(10))
  }

  @Test func aCreateOverADroppedConnectionIsSentOnceEvenAfterEarlierRequests() async throws {
    let server = try LocalHTTPServer { request in
      request.method == "POST"
        ? .drop : .respond(status: 200, headers: [:], body: Data("{\"results\":[],\"next\":null}".utf8))
    }
    defer { server.stop() }
    let settings = ClientSettings(host: server.url, projectID: "1", apiKey: "phx_local_key", rateLimit: nil)
    let client = try PostHogClient(settings: settings)
    _ = try await client.listHogFunctions(types: ["destination"])
    await #expect {
      _ = try await client.createHogFunction(["name": "Once", "hog": "return 1"])
    } throws: { error in
      if case .ambiguousCreate(name: "Once", _, _) = error as? APIError { return true }
      return false
    }
    // On a reused keep-alive connection libcurl would have sent the dropped POST a second time.
    #expect(server.requests.filter { $0.method == "POST" }.count == 1)
  }
}
