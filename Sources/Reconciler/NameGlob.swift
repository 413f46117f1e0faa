/// A shell-style name glob from `manage.ignore`: `*` matches any run of characters, `?` one
/// character, everything else itself (case-sensitive, like the names PostHog stores).
public struct NameGlob: Sendable, Hashable {
  public let pattern: String

  public init(_ pattern: String) {
    self.pattern = pattern
  }

  public func matches(_ name: String) -> Bool {
    Self.match(Array(pattern), Array(name))
  }

  /// Iterative wildcard matching with one backtrack point: linear in practice, no recursion.
  private static func match(_ pattern: [Character], _ text: [Character]) -> Bool {
    var patternIndex = 0
    var textIndex = 0
    var starIndex: Int?
    var starTextIndex = 0
    while textIndex < text.count {
      if patternIndex < pattern.count,
        pattern[patternIndex] == "?" || pattern[patternIndex] == text[textIndex]
      {
        patternIndex += 1
        textIndex += 1
      } else if patternIndex < pattern.count, pattern[patternIndex] == "*" {
        starIndex = patternIndex
        starTextIndex = textIndex
        patternIndex += 1
      } else if let star = starIndex {
        patternIndex = star + 1
        starTextIndex += 1
        textIndex = starTextIndex
      } else {
        return false
      }
    }
    while patternIndex < pattern.count, pattern[patternIndex] == "*" { patternIndex += 1 }
    return patternIndex == pattern.count
  }
}

extension Array where Element == NameGlob {
  func anyMatches(_ name: String) -> Bool { contains { $0.matches(name) } }
}
