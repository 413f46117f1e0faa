import Foundation
import HogctlCore

/// Random but valid manifest directories (hogctl.yaml plus one YAML file per function), for the
/// convergence property test. Names come from a small pool so that successive sets overlap:
/// some functions persist and change, some appear, some disappear.
struct RandomManifests {
  struct Function {
    var name: String
    var type: String
    var description: String
    var enabled: Bool
    var hog: String
    var url: String
    var token: String?
    var events: [String]
  }

  var functions: [Function]
  var order: [String]
  var prune: Bool

  static let names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
  static let hogs = ["return event", "let x := 1\nreturn event", "print('hi')\nreturn event"]
  static let events = ["$pageview", "$signup", "$identify", "purchase"]

  static func make(using random: inout SeededGenerator) -> RandomManifests {
    var functions: [Function] = []
    for name in names where random.chance(0.55) {
      let type = random.chance(0.5) ? "transformation" : "destination"
      functions.append(
        Function(
          name: name, type: type, description: random.pick(["", "first", "second", "with: colon"]),
          enabled: random.chance(0.7), hog: random.pick(hogs),
          url: "https://example.com/\(random.pick(["a", "b", "c"]))",
          token: type == "destination" && random.chance(0.5) ? "tok-\(random.pick([1, 2, 3]))" : nil,
          events: Array(events.filter { _ in random.chance(0.4) })))
    }
    let transformations = functions.filter { $0.type == "transformation" }.map(\.name)
    return RandomManifests(
      functions: functions, order: transformations.shuffled(using: &random), prune: random.chance(0.5))
  }

  /// The files of the directory, by relative path. Secret values come from `!env`.
  var files: [String: String] {
    var files = ["hogctl.yaml": settingsYAML]
    for function in functions {
      files["\(function.name.lowercased()).yaml"] = yaml(function)
    }
    return files
  }

  /// `!env` variables the manifests read.
  var environment: [String: String] {
    var environment: [String: String] = [:]
    for function in functions {
      if let token = function.token { environment["TOKEN_\(function.name.uppercased())"] = token }
    }
    return environment
  }

  private var settingsYAML: String {
    let order = order.map { "\"\($0)\"" }.joined(separator: ", ")
    return """
      version: 1
      manage:
        types: [destination, transformation]
        prune: \(prune)
        ignore: ["Extra *"]
      order:
        transformation: [\(order)]

      """
  }

  private func yaml(_ function: Function) -> String {
    var lines = [
      "type: \(function.type)",
      "name: \(function.name)",
      "description: \"\(function.description)\"",
      "enabled: \(function.enabled)",
      "hog: |",
    ]
    lines += function.hog.split(separator: "\n").map { "  \($0)" }
    lines += ["inputs_schema:", "  - {key: url, type: string, required: true}"]
    if function.token != nil {
      lines.append("  - {key: token, type: string, secret: true, required: true}")
    }
    lines += ["inputs:", "  url: \(function.url)"]
    if function.token != nil { lines.append("  token: !env TOKEN_\(function.name.uppercased())") }
    if !function.events.isEmpty {
      lines += ["filters:", "  events:"] + function.events.map { "    - id: \"\($0)\"" }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
