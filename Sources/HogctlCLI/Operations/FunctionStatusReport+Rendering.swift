import HogctlJSON
import PostHogAPI

extension FunctionStatusReport {
  var text: String {
    guard !entries.isEmpty else { return "No managed functions: no manifest in this directory.\n" }
    let headers =
      ["NAME", "TYPE", "ENABLED", "HEALTH"] + Self.namedColumns.map { $0.uppercased() } + ["OTHER"]
    let rows = entries.map { entry -> [String] in
      guard let live = entry.live else {
        return [entry.name, entry.type, "-", "not applied"]
          + Array(repeating: "-", count: Self.namedColumns.count + 1)
      }
      let named = Self.namedColumns.map { Self.count(entry.totalsByName[$0] ?? 0) }
      let other = entry.totalsByName.filter { !Self.namedColumns.contains($0.key) }.values.reduce(0, +)
      return [
        entry.name, entry.type, live.function.enabled ? "yes" : "no", live.health?.description ?? "-",
      ] + named + [Self.count(other)]
    }
    var text = TextTable(headers: headers, rows: rows).render()
    let errors = entries.compactMap { entry in entry.latestError.map { (entry.name, $0) } }
    if !errors.isEmpty {
      text += "\nLatest errors:\n"
      for (name, log) in errors { text += "  \(name): \(log.timestamp) \(log.message)\n" }
    }
    text += "\n" + summary + "\n"
    return text
  }

  var summary: String {
    let applied = entries.filter { $0.live != nil }
    let succeeded = applied.reduce(0) { $0 + ($1.totalsByName["succeeded"] ?? 0) }
    let failures = applied.reduce(0) { $0 + $1.failures }
    var text =
      "\(entries.count) managed function\(entries.count == 1 ? "" : "s"), last \(window.description): "
      + "\(Self.count(succeeded)) succeeded, \(Self.count(failures)) failed"
    if failingCount > 0 { text += " (in \(failingCount) function\(failingCount == 1 ? "" : "s"))" }
    let unapplied = entries.count - applied.count
    if unapplied > 0 { text += "; \(unapplied) not applied" }
    return text + "."
  }

  var json: JSONValue {
    let functions: [JSONValue] = entries.map { entry in
      var item: JSONObject = [
        "name": .string(entry.name), "type": .string(entry.type), "manifest": .string(entry.manifest),
        "applied": .bool(entry.live != nil),
      ]
      if let live = entry.live {
        item["id"] = .string(live.function.id)
        item["enabled"] = .bool(live.function.enabled)
        item["health"] = live.health.map { .string($0.description) } ?? .null
        item["totals"] = .object(JSONObject(entry.totalsByName.mapValues(JSONValue.number)))
        item["failures"] = .number(entry.failures)
        item["latest_error"] =
          entry.latestError.map { ["timestamp": .string($0.timestamp), "message": .string($0.message)] }
          ?? .null
      }
      return .object(item)
    }
    return [
      "format_version": "1", "since": .string(window.description), "functions": .array(functions),
      "failing": .number(Double(failingCount)),
    ]
  }

  static func count(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
