import Foundation
import HogctlCore
import HogctlJSON

/// What happens to one request instead of (or after) normal handling.
enum FaultAction: Sendable, Equatable {
  /// Answer with this status and a server-error body.
  case respond(status: Int, body: JSONValue?)
  /// Wait, then handle normally.
  case delay(milliseconds: Int)
  /// Close the connection without a response.
  case drop
  /// Handle normally (the change is stored), then answer with `status`, or drop the connection
  /// when `status` is nil.
  case commitThenFail(status: Int?)
}

/// A scripted fault: the next `remaining` requests matching `method` and `path` get `action`.
struct ScriptedFault: Sendable, Equatable {
  var method: String?
  var path: PathPattern?
  var remaining: Int
  var action: FaultAction

  func matches(method: String, path: String) -> Bool {
    (self.method.map { $0.uppercased() == method.uppercased() } ?? true)
      && (self.path?.matches(path) ?? true)
  }

  /// Reads `{"method"?, "path"?, "count"? (1), "kind": "status"|"delay"|"drop"|"commit_then_fail",
  /// "status"?, "delay_ms"?, "body"?, "then"?: "status"|"drop"}`.
  init(json: JSONValue) throws {
    func invalid(_ detail: String, _ attr: String) -> EmulatorError {
      EmulatorError.validation(detail, attr: attr)
    }
    guard json.objectValue != nil else { throw EmulatorError.nonField("A fault must be an object.") }
    method = json["method"]?.stringValue
    path = json["path"]?.stringValue.map(PathPattern.init(text:))
    remaining = json["count"]?.intValue ?? 1
    guard remaining >= 1 else { throw invalid("count must be at least 1.", "count") }
    let status = json["status"]?.intValue
    if let status, !(100...599).contains(status) { throw invalid("status must be 100..599.", "status") }
    switch json["kind"]?.stringValue ?? (status != nil ? "status" : "") {
    case "status":
      action = .respond(status: status ?? 500, body: json["body"])
    case "delay":
      guard let delay = json["delay_ms"]?.intValue, delay >= 0 else {
        throw invalid("delay_ms is required for a delay.", "delay_ms")
      }
      action = .delay(milliseconds: delay)
    case "drop":
      action = .drop
    case "commit_then_fail":
      let then = json["then"]?.stringValue ?? "status"
      guard ["status", "drop"].contains(then) else { throw invalid("then must be status or drop.", "then") }
      action = .commitThenFail(status: then == "drop" ? nil : (status ?? 500))
    default:
      throw invalid("kind must be one of status, delay, drop, commit_then_fail.", "kind")
    }
  }

  var json: JSONValue {
    var object: JSONObject = [
      "method": method.map(JSONValue.string) ?? .null,
      "path": path.map { .string($0.text) } ?? .null,
      "count": .number(Double(remaining)),
    ]
    switch action {
    case .respond(let status, _):
      object["kind"] = "status"
      object["status"] = .number(Double(status))
    case .delay(let milliseconds):
      object["kind"] = "delay"
      object["delay_ms"] = .number(Double(milliseconds))
    case .drop: object["kind"] = "drop"
    case .commitThenFail(let status):
      object["kind"] = "commit_then_fail"
      object["then"] = status == nil ? "drop" : "status"
      if let status { object["status"] = .number(Double(status)) }
    }
    return .object(object)
  }
}

/// Decides each API request's fault: scripted faults first (in the order they were added),
/// then random ones at `faultRate`, from a seeded generator so a run can be repeated.
actor FaultInjector {
  private var scripted: [ScriptedFault] = []
  private var random: SeededGenerator
  private let faultRate: Double
  /// Changed at runtime through `/_emulator/settings`.
  private(set) var latency: ClosedRange<Int>?

  init(faultRate: Double, latency: ClosedRange<Int>?, seed: UInt64?) {
    self.faultRate = faultRate
    self.latency = latency
    self.random = SeededGenerator(seed: seed ?? UInt64.random(in: 0...UInt64.max))
  }

  func add(_ faults: [ScriptedFault]) { scripted += faults }
  func setLatency(_ latency: ClosedRange<Int>?) { self.latency = latency }
  func clear() { scripted = [] }
  var pending: JSONValue { .array(scripted.map(\.json)) }

  func action(method: String, path: String) -> FaultAction? {
    if let position = scripted.firstIndex(where: { $0.matches(method: method, path: path) }) {
      let action = scripted[position].action
      scripted[position].remaining -= 1
      if scripted[position].remaining == 0 { scripted.remove(at: position) }
      return action
    }
    guard faultRate > 0, Double.random(in: 0..<1, using: &random) < faultRate else { return nil }
    switch Int.random(in: 0..<5, using: &random) {
    case 0: return .respond(status: 500, body: nil)
    case 1: return .respond(status: 502, body: nil)
    case 2: return .respond(status: 503, body: nil)
    case 3: return .drop
    default: return .delay(milliseconds: Int.random(in: 500...2000, using: &random))
    }
  }

  /// The added latency for one request, in milliseconds.
  func latencyMilliseconds() -> Int {
    guard let latency else { return 0 }
    return Int.random(in: latency, using: &random)
  }
}
