import Foundation

/// Parsing of the `hogctl emulator` option values, kept here so the rules are tested once.
extension EmulatorConfiguration {
  public struct OptionError: Error, CustomStringConvertible, Sendable {
    public let description: String
  }

  /// `KEY`, `KEY:read`, `KEY:write` or `KEY:all` (the default). Any other scope is an error, not
  /// part of the key: `phx_y:admin` would otherwise quietly become a key with every scope.
  public static func parseAPIKey(_ text: String) throws -> APIKey {
    if let colon = text.lastIndex(of: ":") {
      let named = String(text[text.index(after: colon)...])
      guard let scope = Scope(rawValue: named) else {
        let known = Scope.allCases.map(\.rawValue).joined(separator: ", ")
        throw OptionError(description: "--api-key: unknown scope '\(named)'; use one of \(known)")
      }
      let key = String(text[..<colon])
      guard !key.isEmpty else { throw OptionError(description: "--api-key needs a key before ':\(scope)'") }
      return APIKey(key: key, scope: scope)
    }
    guard !text.isEmpty else { throw OptionError(description: "--api-key must not be empty") }
    return APIKey(key: text, scope: .all)
  }

  /// `off`, or `N/minute,M/hour` (see `RateLimit.parse`).
  public static func parseRateLimit(_ text: String) throws -> RateLimit? {
    do {
      return try RateLimit.parse(text)
    } catch {
      throw OptionError(description: error.description)
    }
  }

  /// `N` or `N-M` milliseconds.
  public static func parseLatency(_ text: String) throws -> ClosedRange<Int> {
    let pieces = text.split(separator: "-", omittingEmptySubsequences: false).map {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    switch pieces.count {
    case 1: if let value = pieces[0], value >= 0 { return value...value }
    case 2: if let low = pieces[0], let high = pieces[1], low >= 0, low <= high { return low...high }
    default: break
    }
    throw OptionError(description: "--latency-ms: '\(text)' is not N or N-M (milliseconds, N <= M)")
  }
}
