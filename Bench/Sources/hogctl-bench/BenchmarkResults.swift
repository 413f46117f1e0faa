/// What one benchmark run measured; every figure is the median of its runs.
struct BenchmarkResults {
  struct PlanRow {
    var functions: Int
    var listPages: Int
    /// Round trips the list needs: the first page, then the others `parallelism` at a time.
    var listRoundTrips: Int
    var requests: Int
    var seconds: Double
    var peakMemoryBytes: Int
    /// The same plan with no injected latency: process start, loading, loopback HTTP, diff.
    var zeroLatencySeconds: Double
    /// The emulator producing every list page, read by a plain HTTP client with no latency.
    var serverSeconds: Double
    /// The wait no plan can avoid: the list's round trips × latency.
    var waitingSeconds: Double
    var baselineSeconds: Double
    var baselineRequests: Int
    /// The unavoidable wait + the same plan with no latency.
    var lowerBoundSeconds: Double { waitingSeconds + zeroLatencySeconds }
    var ratio: Double { seconds / lowerBoundSeconds }
  }

  struct LocalComputeRow {
    var functions: Int
    var timings: LocalCompute.Timings
    var peakMemoryBytes: Int
  }

  struct ApplyRow {
    var updates: Int
    var requests: Int
    var throttled: Int
    var seconds: Double
    var perMinute: Int
    var perHour: Int
    /// Requests the limit lets through in `seconds`: a full burst plus what refills meanwhile.
    var allowedRequests: Double {
      min(
        Double(perMinute) + Double(perMinute) / 60 * seconds,
        Double(perHour) + Double(perHour) / 3600 * seconds)
    }
    var shareOfAllowed: Double { Double(requests) / allowedRequests }
  }

  var latencyMilliseconds: Int
  var runs: Int
  var baselineParallelism: Int
  var baselineRuns: Int
  var applyRuns: Int
  /// `hogctl --version` from spawn to exit.
  var processStartSeconds = 0.0
  var plan: [PlanRow] = []
  var localCompute: [LocalComputeRow] = []
  var apply: ApplyRow?

  /// The stricter bound: the list's round trips × latency + local compute alone, leaving out
  /// process start and the server's own time.
  func strictBound(_ row: PlanRow) -> Double? {
    guard let local = localCompute.first(where: { $0.functions == row.functions }) else { return nil }
    return row.waitingSeconds + local.timings.totalSeconds
  }
}
