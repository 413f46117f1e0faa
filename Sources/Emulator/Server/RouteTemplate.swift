/// Names a request path by its route, e.g. `/api/environments/{project_id}/hog_functions/{id}/`:
/// the key of the request statistics and what fault patterns are matched against.
enum RouteTemplate {
  static let collectionActions: Set<String> = ["rearrange", "icons", "icon"]

  static func template(for path: String) -> String {
    var segments = path.split(separator: "/").map(String.init)
    if segments.count >= 3, segments[0] == "api", ["environments", "projects"].contains(segments[1]) {
      segments[2] = "{project_id}"
      if segments.count >= 5, segments[3] == "hog_functions", !collectionActions.contains(segments[4]) {
        segments[4] = "{id}"
      }
      if segments.count >= 5, segments[3] == "hog_function_templates" {
        segments[4] = "{template_id}"
      }
    }
    return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
  }

  /// The API routes, by template without the `/api/{environments|projects}/{project_id}` prefix.
  static let apiRoutes: Set<String> = [
    "/hog_functions/", "/hog_functions/{id}/", "/hog_functions/rearrange/", "/hog_functions/icons/",
    "/hog_functions/icon/", "/hog_functions/{id}/broadcast/", "/hog_functions/{id}/invocations/",
    "/hog_functions/{id}/logs/", "/hog_functions/{id}/metrics/", "/hog_functions/{id}/metrics/totals/",
    "/hog_function_templates/", "/hog_function_templates/{template_id}/",
  ]

  /// Whether the path names an API route (with any method).
  static func isKnownAPIRoute(_ path: String) -> Bool {
    let template = template(for: path)
    for prefix in ["/api/environments/{project_id}", "/api/projects/{project_id}"]
    where template.hasPrefix(prefix) {
      return apiRoutes.contains(String(template.dropFirst(prefix.count)))
    }
    return false
  }

  /// The `{project_id}` segment of an API path, if the path has one.
  static func projectSegment(of path: String) -> String? {
    let segments = path.split(separator: "/")
    guard segments.count >= 3, segments[0] == "api", ["environments", "projects"].contains(segments[1])
    else { return nil }
    return String(segments[2])
  }

  static func isAdmin(_ path: String) -> Bool {
    path == "/_emulator" || path.hasPrefix("/_emulator/")
  }
}

/// A path pattern for scripted faults: `*` matches within one segment, `**` across segments, and
/// a `{name}` placeholder is a `*`, so route templates work as patterns. Trailing slashes are
/// ignored on both sides.
struct PathPattern: Sendable, Equatable, Codable {
  let text: String

  func matches(_ path: String) -> Bool {
    Self.match(Array(Self.normalized(Self.placeholdersAsStars(text))), Array(Self.normalized(path)))
  }

  private static func normalized(_ path: String) -> String {
    var path = path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }

  private static func placeholdersAsStars(_ pattern: String) -> String {
    var result = ""
    var inPlaceholder = false
    for character in pattern {
      if character == "{" {
        inPlaceholder = true
        result.append("*")
      } else if character == "}" {
        inPlaceholder = false
      } else if !inPlaceholder {
        result.append(character)
      }
    }
    return result
  }

  private static func match(_ pattern: [Character], _ text: [Character]) -> Bool {
    var memo: [Int: Bool] = [:]
    func step(_ p: Int, _ t: Int) -> Bool {
      let key = p * (text.count + 1) + t
      if let known = memo[key] { return known }
      let result: Bool
      if p == pattern.count {
        result = t == text.count
      } else if pattern[p] == "*" {
        let crossesSegments = p + 1 < pattern.count && pattern[p + 1] == "*"
        let next = crossesSegments ? p + 2 : p + 1
        if step(next, t) {
          result = true
        } else if t < text.count && (crossesSegments || text[t] != "/") {
          result = step(p, t + 1)
        } else {
          result = false
        }
      } else {
        result = t < text.count && pattern[p] == text[t] && step(p + 1, t + 1)
      }
      memo[key] = result
      return result
    }
    return step(0, 0)
  }
}
