import Foundation
import HogctlJSON
import Testing

@testable import PostHogAPI

/// The pages after the first are requested together; pages that disagree make the list be read
/// again one page after another.
@Suite struct ClientConcurrentPagingTests {
  /// Answers like `ClientPaginationTests.pagingHandler`, holding each answer a moment so that
  /// requests in flight together can be seen.
  final class OverlapTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private let handler: @Sendable (APIRequest, Int) throws -> APIResponse
    private var inFlight = 0
    private(set) var mostInFlight = 0
    private var recorded: [APIRequest] = []

    /// The handler gets each request with its position among all requests (0 for the first).
    init(handler: @escaping @Sendable (APIRequest, Int) throws -> APIResponse) {
      self.handler = handler
    }

    var requests: [APIRequest] { lock.withLock { recorded } }
    var offsets: [Int] {
      requests.map { request in
        let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return Int(items.first { $0.name == "offset" }?.value ?? "0") ?? -1
      }
    }

    func send(_ request: APIRequest) async throws -> APIResponse {
      let position = lock.withLock {
        recorded.append(request)
        inFlight += 1
        mostInFlight = max(mostInFlight, inFlight)
        return recorded.count - 1
      }
      defer { lock.withLock { inFlight -= 1 } }
      try await Task.sleep(for: .milliseconds(40))
      return try handler(request, position)
    }
  }

  static func client(_ transport: OverlapTransport, pageSize: Int = 100) throws -> PostHogClient {
    try PostHogClient(
      settings: TestSettings.settings(pageSize: pageSize), transport: transport, clock: ManualClock().clock)
  }

  /// A page of `count` functions; `shift` moves the window back to repeat ids from the page before.
  static func page(_ request: APIRequest, count: Int, shift: Int = 0, withCount: Bool = true) -> APIResponse {
    let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
    let limit = Int(items.first { $0.name == "limit" }?.value ?? "100")!
    let offset = Int(items.first { $0.name == "offset" }?.value ?? "0")!
    let start = max(0, offset - shift)
    let results = (start..<min(count, start + limit)).map { functionJSON(id: "id-\($0)", name: "f\($0)") }
    let next: JSONValue =
      offset + limit < count
      ? .string(
        "https://posthog.example.com/api/environments/7/hog_functions/?type=destination&full=true&limit=\(limit)&offset=\(offset + limit)"
      ) : .null
    var body: JSONObject = ["next": next, "previous": .null, "results": .array(results)]
    if withCount { body["count"] = .number(Double(count)) }
    return .json(200, .object(body))
  }

  @Test func thePagesAfterTheFirstAreInFlightTogether() async throws {
    let transport = OverlapTransport { request, _ in Self.page(request, count: 450) }
    let functions = try await Self.client(transport).listHogFunctions(types: ["destination"])
    #expect(functions.map(\.id) == (0..<450).map { "id-\($0)" })
    #expect(transport.offsets.first == 0)
    #expect(transport.offsets.sorted() == [0, 100, 200, 300, 400])
    // The first page alone, then the four others at once (the client allows 8 in flight).
    #expect(transport.mostInFlight > 1)
  }

  @Test func aListThatGrowsWhileReadIsReadAgainFollowingNext() async throws {
    // A function is created after the first page was served: the later pages count one more.
    let transport = OverlapTransport { request, position in
      Self.page(request, count: position == 0 ? 250 : 251)
    }
    let functions = try await Self.client(transport).listHogFunctions(types: ["destination"])
    #expect(functions.map(\.id) == (0..<251).map { "id-\($0)" })
    // 3 pages read together, then 3 read one after another from the start.
    #expect(transport.offsets.count == 6)
    #expect(Array(transport.offsets.suffix(3)) == [0, 100, 200])
  }

  @Test func anItemOnTwoPagesMakesTheListBeReadAgain() async throws {
    // While the pages are read together, the later ones repeat the last item of the page before
    // (as when a function is updated and sorts earlier); the second reading is clean.
    let transport = OverlapTransport { request, position in
      Self.page(request, count: 300, shift: (1...2).contains(position) ? 1 : 0)
    }
    let functions = try await Self.client(transport).listHogFunctions(types: ["destination"])
    #expect(functions.map(\.id) == (0..<300).map { "id-\($0)" })
    #expect(transport.offsets.count == 6)
  }

  @Test func aListWithoutACountFollowsNextOnePageAtATime() async throws {
    let transport = OverlapTransport { request, _ in Self.page(request, count: 250, withCount: false) }
    let functions = try await Self.client(transport).listHogFunctions(types: ["destination"])
    #expect(functions.map(\.id) == (0..<250).map { "id-\($0)" })
    #expect(transport.offsets == [0, 100, 200])
    #expect(transport.mostInFlight == 1)
  }

  @Test func aFailedPageFailsTheList() async throws {
    let transport = OverlapTransport { request, position in
      if position == 2 {
        return .posthogError(404, type: "invalid_request", code: "not_found", detail: "Gone")
      }
      return Self.page(request, count: 350)
    }
    await #expect(throws: APIError.self) {
      _ = try await Self.client(transport).listHogFunctions(types: ["destination"])
    }
  }
}
