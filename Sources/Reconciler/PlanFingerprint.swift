import Crypto
import Foundation
import HogctlCore
import HogctlJSON
import Manifests
import PostHogAPI

/// What a saved plan was made against, so `apply PLANFILE` can refuse when anything moved: a
/// digest of the manifests and of every live function the plan touches. Secret values never
/// enter a digest.
public struct PlanFingerprint: Codable, Sendable, Hashable {
  /// SHA-256 of the manifests (and the settings that shape a plan) in canonical JSON.
  public var manifests: String
  /// SHA-256 of each touched live function, by id.
  public var live: [String: String]
  /// `type/name` of the functions the plan creates: they must still not exist live.
  public var absent: [String]

  public init(manifests: String = "", live: [String: String] = [:], absent: [String] = []) {
    self.manifests = manifests
    self.live = live
    self.absent = absent
  }

  /// The fingerprint of a plan made of `actions` from these inputs.
  init(
    actions: [PlanAction], desired: [DesiredFunction], settings: ProjectSettings, live: [HogFunction],
    templates: JSONObject
  ) {
    let liveByID = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var touched: [String: String] = [:]
    for id in actions.flatMap({ [$0.id] + $0.reorder.map(\.id) }).compactMap({ $0 }) {
      if let function = liveByID[id] { touched[id] = Self.digest(of: function) }
    }
    self.init(
      manifests: Self.digest(desired: desired, settings: settings, templates: templates), live: touched,
      absent: actions.filter { $0.kind == .create }.map { "\($0.type)/\($0.name)" })
  }

  /// A live function's digest: its canonical JSON without the fields the server changes on its
  /// own (`status`, timestamps, compiled forms), which move without anyone editing it.
  public static func digest(of function: HogFunction) -> String {
    var raw = function.raw
    for key in ["status", "updated_at", "created_at", "created_by", "bytecode", "transpiled", "template"] {
      raw[key] = nil
    }
    return hex(SHA256.hash(data: JSONValue.object(raw).serializedBytes()))
  }

  /// The manifests' digest, with every secret input's value replaced by a marker.
  public static func digest(
    desired: [DesiredFunction], settings: ProjectSettings, templates: JSONObject
  ) -> String {
    // Each function is serialised and hashed on its own, on every core; the digest covers the
    // count, each function's digest in name order, then the settings.
    let sorted = desired.sortedByNameAndType()
    let digests = sorted.parallelMap { Array(SHA256.hash(data: canonicalBytes($0, templates: templates))) }
    var hasher = SHA256()
    hasher.update(data: Array("functions \(digests.count)\n".utf8))
    for digest in digests { hasher.update(data: digest) }
    let settingsValue: JSONValue = [
      "manage_types": .array(settings.manageTypes.map(JSONValue.string)),
      "prune": .bool(settings.prune),
      "ignore": .array(settings.ignore.map(JSONValue.string)),
      "order": .object(JSONObject(settings.order.mapValues { .array($0.map(JSONValue.string)) })),
    ]
    hasher.update(data: Array("settings\n".utf8))
    hasher.update(data: settingsValue.serializedBytes())
    return hex(hasher.finalize())
  }

  /// One function as the manifests' digest sees it, secret input values replaced by a marker.
  private static func canonicalBytes(_ function: DesiredFunction, templates: JSONObject) -> [UInt8] {
    let template = function.templateID.flatMap { templates[$0] }
    let secrets = Normalizer.secretKeys(desired: function, live: nil, template: template)
    var fields = function.fields
    if case .object(var inputs) = fields["inputs"] {
      for key in secrets where inputs[key] != nil { inputs[key] = "(sensitive)" }
      fields["inputs"] = .object(inputs)
    }
    let object: JSONValue = [
      "name": .string(function.name), "type": .string(function.type), "fields": .object(fields),
      "template_id": function.templateID.map(JSONValue.string) ?? .null,
      "id": function.pinnedID.map(JSONValue.string) ?? .null,
      "previous_names": .array(function.previousNames.map(JSONValue.string)),
      "deleted": .bool(function.deleted),
      "ignore_changes": .array(function.ignoreChanges.map(JSONValue.string)),
      "broadcast": .string(function.broadcast.rawValue),
    ]
    return object.serializedBytes()
  }

  /// A digest as lowercase hex, the form saved plans hold.
  private static func hex(_ digest: SHA256.Digest) -> String {
    digest.map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
  }
}
