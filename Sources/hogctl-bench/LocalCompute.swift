import Foundation
import HogctlCore
import Manifests
import PostHogAPI
import Reconciler

/// The work a plan does on this machine, without the network: read and validate the manifests,
/// decode the saved list pages exactly as the client does, then normalise and diff. Runs in a
/// child process of its own so its peak memory is measured alone.
enum LocalCompute {
  struct Timings: Codable {
    var loadSeconds: Double
    var decodeSeconds: Double
    var planSeconds: Double
    var totalSeconds: Double
    /// The manifests' digest, which `plan -out` and `--format json` add to the plan (`hogctl plan`
    /// as the benchmark runs it, with text output, skips it); not in `totalSeconds`.
    var fingerprintSeconds = 0.0
    var functions: Int
    var liveFunctions: Int
    var actions: Int
    var errors: Int
    /// Resident memory after loading the manifests and after decoding the live state, in bytes.
    var residentAfterLoad = 0
    var residentAfterDecode = 0
  }

  /// The current resident set size (VmRSS), or 0 where /proc is not available.
  static func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return 0 }
    let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return kilobytes * 1024
  }

  static func decode(page: URL?) throws -> [HogFunction] {
    guard let page else { return [] }
    let object = try JSONValue.parse(Data(contentsOf: page), dropping: HogFunction.unreadInListPages)
    return (object["results"]?.arrayValue ?? []).compactMap { $0.objectValue.map(HogFunction.init(listed:)) }
  }

  static func measure(manifests: URL, pages: [URL]) throws -> Timings {
    let clock = ContinuousClock()
    let start = clock.now
    let loader = ManifestLoader(
      fileSystem: DiskManifestFileSystem(root: manifests),
      environment: ProcessInfo.processInfo.environment)
    let result = try loader.load()
    let loaded = clock.now
    // Reading /proc is the benchmark's own work, not the plan's: kept outside the timed parts.
    let residentAfterLoad = residentBytes()
    let decodeStart = clock.now
    // As the client reads a list: the first page alone, then the others side by side.
    var live = try decode(page: pages.first)
    for functions in Array(pages.dropFirst()).parallelMap(
      chunkSize: 1, { page in Result { try decode(page: page) } })
    {
      live += try functions.get()
    }
    let decoded = clock.now
    let residentAfterDecode = residentBytes()
    let planStart = clock.now
    // As `hogctl plan` with text output makes it: without the fingerprint, timed on its own below.
    let plan = try Planner.plan(
      desired: result.functions, settings: result.settings, live: live,
      options: PlanOptions(fingerprint: false))
    let planned = clock.now
    _ = PlanFingerprint.digest(desired: result.functions, settings: result.settings, templates: [:])
    let fingerprinted = clock.now
    let total: Duration = (loaded - start) + (decoded - decodeStart) + (planned - planStart)
    return Timings(
      loadSeconds: (loaded - start).seconds, decodeSeconds: (decoded - decodeStart).seconds,
      planSeconds: (planned - planStart).seconds,
      totalSeconds: total.seconds,
      fingerprintSeconds: (fingerprinted - planned).seconds,
      functions: result.functions.count, liveFunctions: live.count, actions: plan.actions.count,
      errors: result.errorCount, residentAfterLoad: residentAfterLoad,
      residentAfterDecode: residentAfterDecode)
  }
}
