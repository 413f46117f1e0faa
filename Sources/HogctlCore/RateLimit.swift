import Foundation

/// Request budgets in the shape PostHog states them: a burst per minute and a sustained rate per
/// hour, per personal API key. The client keeps to one; the emulator enforces one.
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
  public var perMinute: Int
  public var perHour: Int

  public init(perMinute: Int = 480, perHour: Int = 4800) {
    self.perMinute = perMinute
    self.perHour = perHour
  }

  /// PostHog's documented limits for personal API keys.
  public static let posthogDefault = RateLimit()

  /// As `--rate-limit` takes it: `N/minute,M/hour`.
  public var description: String { "\(perMinute)/minute,\(perHour)/hour" }

  public struct ParseError: Error, CustomStringConvertible, Sendable {
    public let description: String
  }

  /// `off` (no limit, `nil`), or `N/minute,M/hour`; either part alone keeps the other's default.
  public static func parse(_ text: String) throws(ParseError) -> RateLimit? {
    if text.lowercased() == "off" { return nil }
    var limit = RateLimit()
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let pieces = part.trimmingCharacters(in: .whitespaces).split(separator: "/")
      guard pieces.count == 2, let count = Int(pieces[0]), count > 0 else {
        throw ParseError(description: "--rate-limit: '\(part)' is not N/minute or N/hour")
      }
      switch pieces[1].lowercased() {
      case "minute", "min", "m": limit.perMinute = count
      case "hour", "h": limit.perHour = count
      default: throw ParseError(description: "--rate-limit: unknown period '\(pieces[1])' (minute or hour)")
      }
    }
    return limit
  }
}
