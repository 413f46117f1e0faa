import Foundation
import HogctlCore
import HogctlJSON
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
    /// Processor time of every thread over the timed parts (user and system): how much work
    /// `totalSeconds` held; on 2 cores `totalSeconds` is at least half of it.
    var cpuSeconds = 0.0
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

  /// `RUSAGE_SELF`, typed as `getrusage` takes it (Glibc imports the constant as an enum case).
  #if canImport(Glibc)
    private static let wholeProcess = __rusage_who_t(RUSAGE_SELF.rawValue)
  #else
    private static let wholeProcess = RUSAGE_SELF
  #endif

  /// Processor time this process has used so far, all threads, user and system.
  static func processorSeconds() -> Double {
    var usage = rusage()
    guard getrusage(wholeProcess, &usage) == 0 else { return 0 }
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  static func decode(page: URL?) throws -> [HogFunction] {
    guard let page else { return [] }
    let object = try JSONValue.parse(Data(contentsOf: page), dropping: HogFunction.unreadInListPages)
    return (object["results"]?.arrayValue ?? []).compactMap { $0.objectValue.map(HogFunction.init(listed:)) }
  }

  static func measure(manifests: URL, pages: [URL]) throws -> Timings {
    let clock = ContinuousClock()
    let cpuStart = processorSeconds()
    let start = clock.now
    let loader = ManifestLoader(
      fileSystem: DiskManifestFileSystem(root: manifests),
      environment: ProcessInfo.processInfo.environment)
    let result = try loader.load()
    let loaded = clock.now
    let cpuLoaded = processorSeconds()
    // Reading /proc is the benchmark's own work, not the plan's: kept outside the timed parts.
    let residentAfterLoad = residentBytes()
    let cpuDecodeStart = processorSeconds()
    let decodeStart = clock.now
    // As the client reads a list: the first page alone, then the others side by side.
    var live = try decode(page: pages.first)
    for functions in Array(pages.dropFirst()).parallelMap(
      chunkSize: 1, { page in Result { try decode(page: page) } })
    {
      live += try functions.get()
    }
    let decoded = clock.now
    let cpuDecoded = processorSeconds()
    let residentAfterDecode = residentBytes()
    let cpuPlanStart = processorSeconds()
    let planStart = clock.now
    // As `hogctl plan` with text output makes it: without the fingerprint, timed on its own below.
    let plan = try Planner.plan(
      desired: result.functions, settings: result.settings, live: live,
      options: PlanOptions(fingerprint: false))
    let planned = clock.now
    let cpuPlanned = processorSeconds()
    _ = PlanFingerprint.digest(desired: result.functions, settings: result.settings, templates: [:])
    let fingerprinted = clock.now
    let total: Duration = (loaded - start) + (decoded - decodeStart) + (planned - planStart)
    return Timings(
      loadSeconds: (loaded - start).seconds, decodeSeconds: (decoded - decodeStart).seconds,
      planSeconds: (planned - planStart).seconds,
      totalSeconds: total.seconds,
      fingerprintSeconds: (fingerprinted - planned).seconds,
      cpuSeconds: (cpuLoaded - cpuStart) + (cpuDecoded - cpuDecodeStart) + (cpuPlanned - cpuPlanStart),
      functions: result.functions.count, liveFunctions: live.count, actions: plan.actions.count,
      errors: result.errorCount, residentAfterLoad: residentAfterLoad,
      residentAfterDecode: residentAfterDecode)
  }
}
