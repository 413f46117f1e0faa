import Foundation
import HogctlCore
import HogctlJSON
import Testing

@testable import PostHogAPI

@Suite struct ClientPaginationTests {
  /// A fake list endpoint that pages `count` functions by `limit`/`offset` like PostHog.
  static func pagingHandler(count: Int, nextHost: String = "https://posthog.example.com")
    -> @Sendable (APIRequest) throws -> APIResponse
  {
    { request in
      let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
      let limit = Int(items.first { $0.name == "limit" }?.value ?? "100")!
      let offset = Int(items.first { $0.name == "offset" }?.value ?? "0")!
      let page = (offset..<min(count, offset + limit)).map { functionJSON(id: "id-\($0)", name: "f\($0)") }
      let next: JSONValue =
        offset + limit < count
        ? .string(
          "\(nextHost)/api/environments/7/hog_functions/?type=destination&full=true&limit=\(limit)&offset=\(offset + limit)"
        )
        : .null
      return .json(
        200, ["count": .number(Double(count)), "next": next, "previous": .null, "results": .array(page)])
    }
  }

  @Test(arguments: [(0, 1), (1, 1), (150, 2), (250, 3), (2500, 25)])
  func listingFollowsNextUntilDone(count: Int, expectedRequests: Int) async throws {
    let transport = FakeTransport(handler: Self.pagingHandler(count: count))
    let client = try TestSettings.client(transport, pageSize: 100)
    let functions = try await client.listHogFunctions(types: ["destination", "transformation"])
    #expect(functions.count == count)
    #expect(Set(functions.map(\.id)).count == count)
    #expect(transport.requests.count == expectedRequests)
  }

  @Test func theFirstRequestNamesTypesFullAndThePageSize() async throws {
    let transport = FakeTransport(handler: Self.pagingHandler(count: 0))
    let client = try TestSettings.client(transport, pageSize: 1000)
    _ = try await client.listHogFunctions(types: ["destination", "site_app"])
    let request = try #require(transport.requests.first)
    #expect(request.method == .get)
    #expect(request.url.fullPath == "/api/environments/7/hog_functions/")
    #expect(request.url.query == "type=destination,site_app&full=true&limit=1000")
    #expect(request.header("Authorization") == "Bearer \(TestSettings.apiKey)")
    #expect(request.header("User-Agent") == "hogctl/\(HogctlVersion.current)")
  }

  @Test func anEmptyTypeListAsksForEveryType() async throws {
    let transport = FakeTransport(handler: Self.pagingHandler(count: 0))
    _ = try await TestSettings.client(transport).listHogFunctions(types: [])
    let query = try #require(transport.requests.first?.url.query)
    #expect(query.hasPrefix("type=\(PostHogClient.allTypes.joined(separator: ","))&"))
  }

  @Test func aNextLinkToAnotherHostIsNotFollowed() async throws {
    let transport = FakeTransport(
      handler: Self.pagingHandler(count: 150, nextHost: "https://evil.example.net"))
    let client = try TestSettings.client(transport, pageSize: 100)
    await #expect {
      _ = try await client.listHogFunctions(types: ["destination"])
    } throws: { error in
      guard case .untrustedURL(let url, _) = error as? APIError else { return false }
      return url.hasPrefix("https://evil.example.net")
    }
    #expect(transport.requests.count == 1)
    #expect(transport.requests.allSatisfy { $0.url.host == "posthog.example.com" })
  }

  @Test func aPlainHTTPNextLinkOnTheSameHostStaysOnHTTPS() async throws {
    let transport = FakeTransport(
      handler: Self.pagingHandler(count: 150, nextHost: "http://posthog.example.com"))
    let functions = try await TestSettings.client(transport, pageSize: 100).listHogFunctions(types: [
      "destination"
    ])
    #expect(functions.count == 150)
    #expect(transport.requests.map { $0.url.scheme } == ["https", "https"])
  }

  @Test func theProjectsPathCanBeChosen() async throws {
    let transport = FakeTransport(handler: Self.pagingHandler(count: 0))
    var settings = TestSettings.settings()
    settings.apiPath = .projects
    settings.projectID = "@current"
    let client = try PostHogClient(settings: settings, transport: transport, clock: ManualClock().clock)
    _ = try await client.listHogFunctions(types: ["destination"])
    #expect(transport.requests.first?.url.fullPath == "/api/projects/@current/hog_functions/")
  }

  @Test func templatesAreListedUnderProjectsAcrossPages() async throws {
    let transport = FakeTransport([
      .respond(
        .json(
          200,
          [
            "next": "https://posthog.example.com/api/projects/7/hog_function_templates/?offset=1",
            "results": [["id": "template-webhook"]],
          ])),
      .respond(.json(200, ["next": nil, "results": [["id": "template-slack"]]])),
    ])
    let templates = try await TestSettings.client(transport).templates(types: [
      "destination", "transformation",
    ])
    #expect(templates.compactMap { $0["id"]?.stringValue } == ["template-webhook", "template-slack"])
    #expect(transport.requests.first?.url.fullPath == "/api/projects/7/hog_function_templates/")
    #expect(transport.requests.first?.url.query?.contains("types=destination,transformation") == true)
  }
}
