import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for testing the URLSession transport over a real socket:
/// each connection carries one request, answered by `handler` or dropped.
final class LocalHTTPServer: @unchecked Sendable {
  struct Request: Sendable {
    var method: String
    var path: String
    var headers: [String: String]
    var body: Data
  }

  enum Answer: Sendable {
    case respond(status: Int, headers: [String: String], body: Data)
    case drop
    case delay(seconds: Double, then: Int)
  }

  private let lock = NSLock()
  private var received: [Request] = []
  private let handler: @Sendable (Request) -> Answer
  private let socketFD: Int32
  let port: Int

  init(handler: @escaping @Sendable (Request) -> Answer) throws {
    self.handler = handler
    (socketFD, port) = try loopbackSocket(reusable: true)
    guard listen(socketFD, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  var url: URL { URL(string: "http://127.0.0.1:\(port)")! }
  var requests: [Request] { lock.withLock { received } }

  func stop() {
    shutdown(socketFD, Int32(SHUT_RDWR))
    close(socketFD)
  }

  private func acceptLoop() {
    while true {
      let client = accept(socketFD, nil, nil)
      guard client >= 0 else { return }
      Thread { [self] in serve(client) }.start()
    }
  }

  private func serve(_ client: Int32) {
    defer { close(client) }
    guard let request = readRequest(client) else { return }
    lock.withLock { received.append(request) }
    switch handler(request) {
    case .drop:
      return
    case .delay(let seconds, let status):
      Thread.sleep(forTimeInterval: seconds)
      write(client, status: status, headers: [:], body: Data())
    case .respond(let status, let headers, let body):
      write(client, status: status, headers: headers, body: body)
    }
  }

  private func readRequest(_ client: Int32) -> Request? {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      if let end = data.range(of: Data("\r\n\r\n".utf8)) {
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = head[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
          guard let colon = line.firstIndex(of: ":") else { continue }
          headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
            in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while data.count - end.upperBound < length {
          let count = recv(client, &buffer, buffer.count, 0)
          guard count > 0 else { return nil }
          data.append(buffer, count: count)
        }
        return Request(
          method: String(parts[0]), path: String(parts[1]), headers: headers,
          body: Data(data[end.upperBound..<(end.upperBound + length)]))
      }
      let count = recv(client, &buffer, buffer.count, 0)
      guard count > 0 else { return nil }
      data.append(buffer, count: count)
    }
  }

  private func write(_ client: Int32, status: Int, headers: [String: String], body: Data) {
    var head = "HTTP/1.1 \(status) Status\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    let bytes = Data((head + "\r\n").utf8) + body
    _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
  }
}

/// A port on 127.0.0.1 that refuses connections: bound, so no other test can take it while it
/// is held, but never listening. A stopped server's port could be reused at once by a test
/// running beside it.
final class RefusingPort: @unchecked Sendable {
  private let socketFD: Int32
  let port: Int

  init() throws {
    // Not reusable: with SO_REUSEADDR another socket could bind the same port and listen.
    (socketFD, port) = try loopbackSocket(reusable: false)
  }

  var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

  deinit { close(socketFD) }
}

/// A TCP socket bound to a free port on 127.0.0.1, not yet listening.
private func loopbackSocket(reusable: Bool) throws -> (descriptor: Int32, port: Int) {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  if reusable {
    var reuse: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
  }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  let bound = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
  }
  guard bound == 0 else {
    close(descriptor)
    throw POSIXError(.EADDRINUSE)
  }
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  _ = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
  }
  return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
}
