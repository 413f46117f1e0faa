import Foundation
import HogctlJSON

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `hogctl emulator` run as its own process (so its work and memory are not the benchmark's),
/// steered through its admin API.
struct EmulatorProcess {
  static let apiKey = "phx_benchmark_key_0123456789"
  static let projectID = "1"

  let child: ChildProcess
  let baseURL: URL
  private let session: URLSession

  struct AdminError: Error, CustomStringConvertible {
    var description: String
  }

  static func start(hogctl: String, workDirectory: URL) async throws -> EmulatorProcess {
    let output = workDirectory.appendingPathComponent("emulator.out").path
    let child = try ChildProcess.start(
      hogctl,
      ["emulator", "--port", "0", "--rate-limit", "off", "--api-key", apiKey, "--project-id", projectID],
      environment: ProcessInfo.processInfo.environment, stdout: output,
      stderr: workDirectory.appendingPathComponent("emulator.err").path)
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      let banner = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
      if let line = banner.split(separator: "\n").first(where: { $0.contains("Base URL:") }),
        let url = URL(string: line.split(separator: " ").last.map(String.init) ?? "")
      {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 120
        return EmulatorProcess(child: child, baseURL: url, session: URLSession(configuration: configuration))
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    child.terminate()
    throw AdminError(description: "the emulator did not print its URL within 30 s (see \(output))")
  }

  func stop() async {
    session.invalidateAndCancel()
    child.terminate()
    _ = await child.wait()
  }

  /// Latency in milliseconds (0 for none) and a rate limit ("off" or "480/minute,4800/hour").
  func configure(latencyMilliseconds: Int, rateLimit: String = "off") async throws {
    _ = try await admin(
      "POST", "settings",
      ["latency_ms": .number(Double(latencyMilliseconds)), "rate_limit": .string(rateLimit)])
  }

  /// An empty project: no functions, stats or scripted faults.
  func reset() async throws {
    _ = try await admin("POST", "reset")
  }

  func resetStats() async throws {
    _ = try await admin("DELETE", "stats")
  }

  /// Total API requests since the last reset, and the responses by status.
  func stats() async throws -> (total: Int, responses: [String: Int]) {
    let stats = try await admin("GET", "stats")
    let responses = (stats["responses"]?.objectValue ?? [:]).dictionary.compactMapValues(\.intValue)
    return (stats["total"]?.intValue ?? 0, responses)
  }

  /// One raw API GET (not through hogctl's client), for saving list pages.
  func apiGet(_ url: URL) async throws -> Data {
    var request = URLRequest(url: url)
    request.setValue("Bearer \(Self.apiKey)", forHTTPHeaderField: "Authorization")
    let (data, response) = try await session.data(for: request)
    guard (response as? HTTPURLResponse)?.statusCode == 200 else {
      throw AdminError(
        description: "GET \(url.path) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)")
    }
    return data
  }

  var functionsURL: URL {
    baseURL.appendingPathComponent("api/environments/\(Self.projectID)/hog_functions/")
  }

  private func admin(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
    var request = URLRequest(url: baseURL.appendingPathComponent("_emulator/\(path)"))
    request.httpMethod = method
    if let body {
      request.httpBody = body.serializedData()
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await session.data(for: request)
    guard let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status) else {
      throw AdminError(
        description: "\(method) /_emulator/\(path) failed: \(String(decoding: data, as: UTF8.self))")
    }
    return try JSONValue.parse(data)
  }
}
