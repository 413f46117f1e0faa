import Foundation

/// Which URLs may receive the API key.
enum HostPolicy {
  /// `https` anywhere; `http` only to loopback hosts unless `insecureHTTP` is set.
  static func check(_ url: URL, insecureHTTP: Bool) throws {
    let scheme = url.scheme?.lowercased() ?? ""
    guard scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty else {
      throw APIError.invalidHost(url.absoluteString)
    }
    if scheme == "http", !insecureHTTP, !isLoopback(host) {
      throw APIError.insecureHost(host)
    }
  }

  static func isLoopback(_ host: String) -> Bool {
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
    if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" { return true }
    let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
  }

  /// Same scheme, host and port: the only URLs that may get the key after the first request.
  static func sameOrigin(_ lhs: URL, _ rhs: URL) -> Bool {
    lhs.scheme?.lowercased() == rhs.scheme?.lowercased()
      && lhs.host?.lowercased() == rhs.host?.lowercased()
      && effectivePort(lhs) == effectivePort(rhs)
  }

  private static func effectivePort(_ url: URL) -> Int? {
    url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
  }
}
