import Foundation
import HogctlCore
import HogctlJSON
import Manifests
import Reconciler
import Testing

/// For many random manifest sets and random drift of the live project (fields edited in the UI,
/// functions deleted, extra functions, transformations reordered): apply, then the plan is empty
/// and the live functions equal the manifests field by field.
@Suite(.serialized) struct ConvergencePropertyTests {
  /// `HOGCTL_PROPERTY_ROUNDS` runs more (or fewer) rounds, e.g. for a long soak.
  static let rounds = ProcessInfo.processInfo.environment["HOGCTL_PROPERTY_ROUNDS"].flatMap(Int.init) ?? 200

  @Test func applyConvergesFromRandomDrift() async throws {
    let emulator = try await EmulatorHarness.start()
    defer { Task { await emulator.stop() } }
    let pipeline = try LibraryPipeline(emulator)
    var random = SeededGenerator(seed: 0x5EED)
    for round in 0..<Self.rounds {
      let manifests = RandomManifests.make(using: &random)
      try await drift(emulator, using: &random, round: round)
      let result = try LibraryPipeline.load(manifests.files, environment: manifests.environment)
      let extras = try await Self.extras(emulator)
      let report = try await pipeline.apply(result)
      #expect(report.succeeded, "round \(round): \(report.entries.filter { $0.outcome != .succeeded })")
      let after = try await pipeline.plan(result)
      #expect(
        after.actions.isEmpty,
        "round \(round) does not converge: \(after.actions.map { ($0.kind, $0.name, $0.changes.map(\.path)) })"
      )
      try await expectLiveMatches(manifests, emulator: emulator, round: round)
      #expect(
        try await Self.extras(emulator) == extras,
        "round \(round): a function outside the manifests was touched")
      if !report.succeeded || !after.actions.isEmpty { break }
    }
  }

  /// Changes made behind hogctl's back, through the raw API.
  func drift(_ emulator: EmulatorHarness, using random: inout SeededGenerator, round: Int) async throws {
    let base = "/api/environments/\(emulator.emulator.projectID)/hog_functions/"
    let live = try await emulator.liveFunctions()
    for function in live {
      guard let id = function["id"]?.stringValue else { continue }
      switch Int.random(in: 0..<10, using: &random) {
      case 0: try await emulator.request("PATCH", base + id + "/", body: ["description": "edited in the UI"])
      case 1:
        try await emulator.request(
          "PATCH", base + id + "/", body: ["enabled": .bool(!(function["enabled"]?.boolValue ?? false))])
      case 2:
        try await emulator.request(
          "PATCH", base + id + "/", body: ["inputs": ["url": ["value": "https://drift.example"]]])
      case 3: try await emulator.request("PATCH", base + id + "/", body: ["deleted": true])
      default: break
      }
    }
    if random.chance(0.3) {
      try await emulator.request(
        "POST", base, body: ["name": .string("Extra \(round)"), "type": "destination", "hog": "return event"])
    }
    let transformations = live.filter { $0["type"] == "transformation" }.compactMap { $0["id"]?.stringValue }
    if transformations.count > 1 && random.chance(0.5) {
      var orders: JSONObject = [:]
      for (position, id) in transformations.shuffled(using: &random).enumerated() {
        orders[id] = .number(Double(position + 1))
      }
      try await emulator.request("PATCH", base + "rearrange/", body: ["orders": .object(orders)])
    }
  }

  /// The functions no manifest names (protected by the `Extra *` ignore glob), whole.
  static func extras(_ emulator: EmulatorHarness) async throws -> JSONObject {
    var extras: JSONObject = [:]
    for function in try await emulator.liveFunctions()
    where (function["name"]?.stringValue ?? "").hasPrefix("Extra ") {
      extras[function["id"]?.stringValue ?? ""] = function
    }
    return extras
  }

  func expectLiveMatches(_ manifests: RandomManifests, emulator: EmulatorHarness, round: Int) async throws {
    let live = try await emulator.liveFunctions()
    for desired in manifests.functions {
      let matches = live.filter {
        $0["name"]?.stringValue == desired.name && $0["type"]?.stringValue == desired.type
      }
      #expect(matches.count == 1, "round \(round): \(matches.count) live functions named \(desired.name)")
      guard let function = matches.first else { continue }
      #expect(function["type"]?.stringValue == desired.type)
      #expect(function["description"]?.stringValue == desired.description)
      #expect(function["enabled"]?.boolValue == desired.enabled)
      #expect(function["hog"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) == desired.hog)
      #expect(function["inputs"]?["url"]?["value"]?.stringValue == desired.url)
      #expect((function["inputs"]?["token"]?["secret"] == true) == (desired.token != nil))
      let events = function["filters"]?["events"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
      #expect(events == desired.events, "round \(round): events of \(desired.name)")
    }
    let order = live.filter {
      $0["type"] == "transformation" && manifests.order.contains($0["name"]?.stringValue ?? "")
    }
    .sorted { ($0["execution_order"]?.intValue ?? .max) < ($1["execution_order"]?.intValue ?? .max) }
    .compactMap { $0["name"]?.stringValue }
    #expect(order == manifests.order, "round \(round): execution order")
    if manifests.prune {
      let wanted = Set(manifests.functions.map { "\($0.type)/\($0.name)" })
      let strays = live.compactMap { function -> String? in
        guard let name = function["name"]?.stringValue, !name.hasPrefix("Extra ") else { return nil }
        let key = "\(function["type"]?.stringValue ?? "")/\(name)"
        return wanted.contains(key) ? nil : key
      }
      #expect(strays.isEmpty, "round \(round): prune left \(strays)")
    }
  }
}
