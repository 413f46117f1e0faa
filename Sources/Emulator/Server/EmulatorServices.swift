import Foundation

/// The shared parts every controller and middleware works with.
struct EmulatorServices: Sendable {
  let store: HogFunctionStore
  let stats: RequestStats
  let faults: FaultInjector
  let rateLimiter: RateLimiter
  let keys: [String: EmulatorConfiguration.Scope]
  let projectID: Int
  let templates: TemplateCatalog
  let icons: IconCatalog

  init(configuration: EmulatorConfiguration, keys: [EmulatorConfiguration.APIKey]) throws {
    let templates = TemplateCatalog()
    self.templates = templates
    self.icons = IconCatalog()
    self.store = try HogFunctionStore(
      rules: HogFunctionRules(templates: templates),
      stateFile: configuration.statePath.map(StateFile.init(path:)))
    self.stats = RequestStats()
    self.faults = FaultInjector(
      faultRate: configuration.faultRate, latency: configuration.latencyMilliseconds,
      seed: configuration.seed)
    self.rateLimiter = RateLimiter(limit: configuration.rateLimit)
    self.keys = Dictionary(keys.map { ($0.key, $0.scope) }, uniquingKeysWith: { _, last in last })
    self.projectID = configuration.projectID
  }

  /// Everything back to a fresh start: store, scripted faults, stats and rate-limit buckets.
  func resetAll() async throws {
    try await store.reset()
    await faults.clear()
    await stats.reset()
    await rateLimiter.reset()
  }
}
