import Foundation
import HogctlJSON

extension PostHogClient {
  /// One list response with its results mapped.
  struct ListPage<T> {
    var count: Int?
    var next: String?
    var results: [T]
    var context: RequestContext
  }

  /// Reads a `limit`/`offset` list such as PostHog's hog functions. The first page tells the
  /// total (`count`); every later page is then requested at once (the client's parallelism bounds
  /// how many are in flight) and parsed as it arrives, so many pages cost about two round trips
  /// instead of one each.
  ///
  /// The pages are offsets into a list the server sorts on every request. If the project changes
  /// while it is read, they can disagree: another total, an item on two pages, a page short.
  /// Then the list is read again one page after another, following `next`, as it would be
  /// without this.
  func concurrentPages<T: Sendable>(
    query: [URLQueryItem], url: @escaping @Sendable ([URLQueryItem]) -> URL, dropping: JSONDropList,
    id: @escaping @Sendable (T) -> String,
    _ transform: @escaping @Sendable (JSONObject, RequestContext) throws -> T
  ) async throws -> [T] {
    let firstURL = url(query)
    let first = try await page(firstURL, dropping: dropping, transform)
    guard let nextLink = first.next else { return first.results }
    // Checked though not followed: a server that points elsewhere is refused either way.
    let next = try trustedNextURL(nextLink, context: first.context)
    guard let count = first.count, !first.results.isEmpty, count > first.results.count else {
      // No total to divide: the links are the only way on.
      return try await first.results
        + allPages(from: next, skipping: [firstURL], dropping: dropping, transform)
    }
    let step = first.results.count
    let offsets = Array(stride(from: step, to: count, by: step))
    let rest = try await withThrowingTaskGroup(of: (Int, ListPage<T>).self) { group in
      for (index, offset) in offsets.enumerated() {
        let pageURL = url(query + [URLQueryItem(name: "offset", value: String(offset))])
        group.addTask { (index, try await self.page(pageURL, dropping: dropping, transform)) }
      }
      var pages = [ListPage<T>?](repeating: nil, count: offsets.count)
      for try await (index, page) in group { pages[index] = page }
      return pages.compactMap { $0 }
    }
    let pages = [first] + rest
    let results = pages.flatMap(\.results)
    let consistent =
      pages.allSatisfy { $0.count == count } && rest.last?.next == nil && results.count == count
      && Set(results.map(id)).count == count
    guard consistent else { return try await allPages(from: firstURL, dropping: dropping, transform) }
    return results
  }

  /// Fetches `first` and every `next` page, one after another, mapping each result.
  func allPages<T>(
    from first: URL, skipping visited: Set<URL> = [], dropping: JSONDropList = .none,
    _ transform: (JSONObject, RequestContext) throws -> T
  ) async throws -> [T] {
    var results: [T] = []
    var next: URL? = first
    var seen = visited
    while let url = next {
      guard seen.insert(url).inserted else { break }
      let page = try await page(url, dropping: dropping, transform)
      results += page.results
      next = try page.next.map { try trustedNextURL($0, context: page.context) }
    }
    return results
  }

  private func page<T>(
    _ url: URL, dropping: JSONDropList, _ transform: (JSONObject, RequestContext) throws -> T
  ) async throws -> ListPage<T> {
    let context = context(.get, url)
    let object = try await sendObject(
      APICall(method: .get, url: url, idempotent: true, context: context), dropping: dropping)
    guard let items = object["results"]?.arrayValue else {
      throw APIError.invalidResponse(reason: "a page without 'results'", context: context)
    }
    let results = try items.map { item in
      guard let object = item.objectValue else {
        throw APIError.invalidResponse(reason: "a result that is not an object", context: context)
      }
      return try transform(object, context)
    }
    return ListPage(
      count: object["count"]?.intValue, next: object["next"]?.stringValue,
      results: results, context: context)
  }
}

extension PostHogClient.ListPage: Sendable where T: Sendable {}
