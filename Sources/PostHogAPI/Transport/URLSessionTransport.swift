import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `HTTPTransport` over URLSession. Redirects are handed back to the caller unfollowed, so the
/// API key can never travel to a host the client did not choose.
///
/// POST requests (creates, broadcasts, invocations: not safe to repeat) go over a session of
/// their own, so never over a reused connection: on Linux, libcurl silently sends a request again
/// when a reused keep-alive connection closes without an answer, which would duplicate a create.
/// (A `Connection: close` header instead made concurrent POSTs stall until the timeout.)
public final class URLSessionTransport: HTTPTransport {
  private let session: URLSession
  private let configuration: URLSessionConfiguration
  private let redirectRefuser = RedirectRefuser()
  private let defaultTimeout: Double

  /// - Parameter timeout: seconds without progress before a request fails.
  public init(timeout: Double = 30) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.httpCookieAcceptPolicy = .never
    configuration.httpShouldSetCookies = false
    configuration.urlCache = nil
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    self.defaultTimeout = timeout
    self.configuration = configuration
    self.session = URLSession(
      configuration: configuration, delegate: redirectRefuser, delegateQueue: nil)
  }

  deinit {
    session.finishTasksAndInvalidate()
  }

  public func send(_ request: APIRequest) async throws -> APIResponse {
    try Task.checkCancellation()
    var urlRequest = URLRequest(url: request.url)
    urlRequest.httpMethod = request.method.rawValue
    urlRequest.timeoutInterval = request.timeout ?? defaultTimeout
    for (name, value) in request.headers {
      urlRequest.setValue(value, forHTTPHeaderField: name)
    }
    urlRequest.httpBody = request.body
    let mustNotRepeat = request.method == .post
    let session =
      mustNotRepeat
      ? URLSession(configuration: configuration, delegate: redirectRefuser, delegateQueue: nil)
      : self.session
    defer { if mustNotRepeat { session.finishTasksAndInvalidate() } }

    let box = TaskBox()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<APIResponse, any Error>) in
        let task = session.dataTask(with: urlRequest) { data, response, error in
          continuation.resume(with: Self.result(data: data, response: response, error: error))
        }
        task.delegate = redirectRefuser
        box.start(task)
      }
    } onCancel: {
      box.cancel()
    }
  }

  private static func result(data: Data?, response: URLResponse?, error: (any Error)?) -> Result<
    APIResponse, any Error
  > {
    if let error {
      return .failure(map(error))
    }
    guard let http = response as? HTTPURLResponse else {
      return .failure(TransportError.other("the response was not HTTP"))
    }
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      headers[String(describing: name).lowercased()] = String(describing: value)
    }
    return .success(APIResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
  }

  static func map(_ error: any Error) -> any Error {
    guard let urlError = error as? URLError else {
      return TransportError.other(error.localizedDescription)
    }
    switch urlError.code {
    case .cancelled:
      return CancellationError()
    case .timedOut:
      return TransportError.timedOut
    case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
      return TransportError.cannotConnect(urlError.localizedDescription)
    case .networkConnectionLost, .badServerResponse, .cannotParseResponse,
      .zeroByteResource:
      return TransportError.connectionLost(urlError.localizedDescription)
    default:
      return TransportError.other(urlError.localizedDescription)
    }
  }
}

/// Holds the running task so a cancellation arriving before or after `start` still cancels it.
private final class TaskBox: @unchecked Sendable {
  private let lock = NSLock()
  private var task: URLSessionDataTask?
  private var cancelled = false

  func start(_ task: URLSessionDataTask) {
    lock.lock()
    self.task = task
    let alreadyCancelled = cancelled
    lock.unlock()
    task.resume()
    if alreadyCancelled { task.cancel() }
  }

  func cancel() {
    lock.lock()
    cancelled = true
    let task = self.task
    lock.unlock()
    task?.cancel()
  }
}

/// Refuses every redirect so the 3xx response reaches the client unfollowed.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
    completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}
