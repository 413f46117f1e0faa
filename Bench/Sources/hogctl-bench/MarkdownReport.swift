import Foundation
import PostHogAPI

/// The results as Markdown tables, with the machine they were measured on.
struct MarkdownReport {
  var results: BenchmarkResults
  var machine: String
  var command: String

  var text: String {
    var lines = [
      "Measured \(Self.today()) on \(machine).", "",
      "Reproduce: `\(command)`", "",
      "Injected latency: \(results.latencyMilliseconds) ms per API request. Every figure is the median "
        + "of \(results.runs) runs\(otherRunCounts).", "",
    ]
    lines += planTable + [""] + localComputeTable + [""] + applyTable + [""] + targetsTable
    return lines.joined(separator: "\n") + "\n"
  }

  /// The run counts that differ from `runs`, as " (the per-function baseline: 3, apply: 3)".
  private var otherRunCounts: String {
    var counts: [String] = []
    if !results.plan.isEmpty { counts.append("the per-function baseline: \(results.baselineRuns)") }
    if results.apply != nil { counts.append("apply: \(results.applyRuns)") }
    return counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")"
  }

  private var planTable: [String] {
    guard !results.plan.isEmpty else { return [] }
    var lines = [
      "### `hogctl plan` against the live project",
      "",
      "| Live functions | hogctl plan | Requests | Peak memory | One GET per function (10 at a time) | Its requests | hogctl faster by |",
      "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results.plan {
      lines.append(
        "| \(Self.count(row.functions)) | \(Self.seconds(row.seconds)) | \(row.requests) | "
          + "\(Self.megabytes(row.peakMemoryBytes)) | \(Self.seconds(row.baselineSeconds)) | "
          + "\(Self.count(row.baselineRequests)) | \(Self.ratio(row.baselineSeconds / row.seconds))× |")
    }
    lines += [
      "",
      "The per-function read can be no faster than functions ÷ \(results.baselineParallelism) × latency ("
        + results.plan.map {
          "\(Self.count($0.functions)): "
            + Self.seconds(
              Double($0.functions) / Double(results.baselineParallelism) * Double(results.latencyMilliseconds)
                / 1000)
        }.joined(separator: ", ") + "), and that is before PostHog's rate limit, which it ignores here.",
      "",
    ]
    return lines + boundTable
  }

  /// The plan against two lower bounds: one that counts what every run must spend besides
  /// waiting (process start, the server producing the pages), and a strict one that does not.
  private var boundTable: [String] {
    var lines = [
      "### `hogctl plan` against its lower bound",
      "",
      "| Live functions | hogctl plan | List pages | Round trips × latency | Same plan, no latency | Lower bound | Ratio | Local compute alone | Strict bound | Ratio | Server producing the pages |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results.plan {
      let waiting = row.waitingSeconds
      let strict = results.strictBound(row)
      let local = strict.map { $0 - waiting }
      lines.append(
        "| \(Self.count(row.functions)) | \(Self.seconds(row.seconds)) | \(row.listPages) | "
          + "\(row.listRoundTrips) × \(results.latencyMilliseconds) ms = \(Self.seconds(waiting)) | "
          + "\(Self.seconds(row.zeroLatencySeconds)) | \(Self.seconds(row.lowerBoundSeconds)) | "
          + "\(Self.ratio(row.ratio)) | \(local.map(Self.seconds) ?? "–") | \(strict.map(Self.seconds) ?? "–") | "
          + "\(strict.map { Self.ratio(row.seconds / $0) } ?? "–") | \(Self.seconds(row.serverSeconds)) |")
    }
    lines += [
      "",
      "hogctl requests the first list page, then every other page at once (up to "
        + "\(ClientSettings.defaultParallelism) in flight), so the list waits 1 + ⌈(pages − 1) ÷ "
        + "\(ClientSettings.defaultParallelism)⌉ round trips rather than one per page. Both bounds count those "
        + "round trips, which is tighter than list pages × latency.",
      "",
      "Lower bound = round trips × latency + the same plan with no injected latency, which holds "
        + "everything that does not wait on the network: process start (`hogctl --version`: "
        + "\(Self.seconds(results.processStartSeconds))), reading and validating the manifests, the server "
        + "producing the pages on loopback, decoding, normalising, diffing and printing. The strict bound "
        + "takes local compute alone instead (the table below), leaving out process start and the server's "
        + "time, which a user's wall clock always includes.",
    ]
    return lines
  }

  private var localComputeTable: [String] {
    guard !results.localCompute.isEmpty else { return [] }
    var lines = [
      "### Local compute (no network)",
      "",
      "| Functions | Load and validate | Decode live JSON | Normalise and diff | Total | CPU time in Total | Peak memory | Fingerprint, only with `-out` or JSON |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results.localCompute {
      let timings = row.timings
      lines.append(
        "| \(Self.count(row.functions)) | \(Self.seconds(timings.loadSeconds)) | "
          + "\(Self.seconds(timings.decodeSeconds)) | \(Self.seconds(timings.planSeconds)) | "
          + "\(Self.seconds(timings.totalSeconds)) | \(Self.seconds(timings.cpuSeconds)) | "
          + "\(Self.megabytes(row.peakMemoryBytes)) | "
          + "+\(Self.seconds(timings.fingerprintSeconds)) |")
    }
    lines += [
      "",
      "Total is what `hogctl plan` does with text output, as the plan rows above run it. A saved plan "
        + "(`-out`) and `--format json` also carry the plan's fingerprint (a SHA-256 of every manifest), "
        + "timed on its own in the last column and not included in Total. CPU time is every thread's "
        + "processor time over the same parts, the work Total holds: on 2 cores Total can be no less "
        + "than half of it.",
    ]
    return lines
  }

  private var applyTable: [String] {
    guard let apply = results.apply else { return [] }
    return [
      "### `hogctl apply` under PostHog's default rate limit (\(apply.perMinute)/minute, \(apply.perHour)/hour)",
      "",
      "| Updates | Requests | Wall time | Achieved rate | Allowed in that time | Share of allowed | 429 responses |",
      "|---:|---:|---:|---:|---:|---:|---:|",
      "| \(Self.count(apply.updates)) | \(Self.count(apply.requests)) | \(Self.seconds(apply.seconds)) | "
        + String(format: "%.1f/s", Double(apply.requests) / apply.seconds) + " | "
        + String(format: "%.0f", apply.allowedRequests) + " | " + Self.percent(apply.shareOfAllowed) + " | "
        + "\(apply.throttled) (\(Self.percent(Double(apply.throttled) / Double(max(1, apply.requests))))) |",
      "",
      "Allowed in that time = the full burst (\(apply.perMinute)) plus what the bucket refills during the "
        + "run (\(apply.perMinute)/60 per second), capped by the hourly bucket the same way.",
    ]
  }

  private var targetsTable: [String] {
    var lines = ["### Targets", "", "| Target | Measured | Met |", "|---|---|---|"]
    for row in results.plan {
      lines.append(
        "| plan at \(Self.count(row.functions)) ≤ 1.2 × lower bound | \(Self.ratio(row.ratio)) × | "
          + "\(row.ratio <= 1.2 ? "yes" : "no") |")
      if let strict = results.strictBound(row) {
        let ratio = row.seconds / strict
        lines.append(
          "| plan at \(Self.count(row.functions)) ≤ 1.2 × strict bound | \(Self.ratio(ratio)) × | "
            + "\(ratio <= 1.2 ? "yes" : "no") |")
      }
    }
    if let largest = results.localCompute.max(by: { $0.functions < $1.functions }) {
      let seconds = largest.timings.totalSeconds
      let megabytes = Double(largest.peakMemoryBytes) / 1_048_576
      lines.append(
        "| local compute at \(Self.count(largest.functions)) < 0.5 s | \(Self.seconds(seconds)) | "
          + "\(seconds < 0.5 ? "yes" : "no") |")
      lines.append(
        "| local compute at \(Self.count(largest.functions)) < 150 MB peak | "
          + "\(Self.megabytes(largest.peakMemoryBytes)) | \(megabytes < 150 ? "yes" : "no") |")
    }
    if let apply = results.apply {
      let share = apply.shareOfAllowed
      let throttledShare = Double(apply.throttled) / Double(max(1, apply.requests))
      lines.append(
        "| apply ≥ 90% of the allowed rate | \(Self.percent(share)) | \(share >= 0.9 ? "yes" : "no") |")
      lines.append(
        "| 429s < 1% of requests | \(Self.percent(throttledShare)) | \(throttledShare < 0.01 ? "yes" : "no") |"
      )
    }
    return lines
  }

  static func seconds(_ value: Double) -> String {
    value < 10 ? String(format: "%.3f s", value) : String(format: "%.1f s", value)
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.0f MB", Double(bytes) / 1_048_576)
  }

  static func ratio(_ value: Double) -> String { String(format: "%.2f", value) }
  static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

  static func count(_ value: Int) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.groupingSeparator = ","
    formatter.usesGroupingSeparator = true
    return formatter.string(from: NSNumber(value: value)) ?? String(value)
  }

  static func today() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date())
  }
}
