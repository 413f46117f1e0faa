import ArgumentParser
import Foundation

/// `hogctl-bench`: plan and apply against the emulator with injected latency, the per-function
/// baseline, and local compute; prints the results as Markdown (see BENCHMARKS.md).
@main
struct BenchmarkCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hogctl-bench",
    abstract: "Benchmark hogctl plan and apply against the emulator; prints Markdown tables.",
    subcommands: [RunBenchmarks.self, LocalComputeCommand.self], defaultSubcommand: RunBenchmarks.self)
}

struct RunBenchmarks: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the benchmarks.")

  @Option(help: "Live function counts to plan against, comma-separated.")
  var sizes = "100,1000,10000"
  @Option(help: "Runs per figure (the median is reported).") var runs = 5
  @Option(name: .customLong("baseline-runs"), help: "Runs of the per-function baseline.")
  var baselineRuns = 3
  @Option(name: .customLong("baseline-parallelism"), help: "GETs in flight in the baseline.")
  var baselineParallelism = 10
  @Option(name: .customLong("latency-ms"), help: "Latency the emulator adds to every API request.")
  var latency = 50
  @Option(name: .customLong("apply-updates"), help: "Functions updated in the apply benchmark (0 skips it).")
  var applyUpdates = 1000
  @Option(name: .customLong("apply-runs"), help: "Runs of the apply benchmark.") var applyRuns = 3
  @Option(name: .customLong("work-dir"), help: "Scratch directory for manifests and outputs.")
  var workDirectory = "/tmp/hogctl-bench"
  @Option(help: "Also write the Markdown to this file.") var output: String?
  @Option(help: "The hogctl binary to measure (default: the one next to hogctl-bench).")
  var hogctl: String?

  func validate() throws {
    guard !parsedSizes.isEmpty, parsedSizes.allSatisfy({ $0 > 0 }) else {
      throw ValidationError("--sizes: expected positive counts, e.g. 100,1000,10000")
    }
    guard runs >= 1, baselineRuns >= 1, applyRuns >= 1 else {
      throw ValidationError("runs must be at least 1")
    }
  }

  var parsedSizes: [Int] { sizes.split(separator: ",").compactMap { Int($0) } }

  func run() async throws {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    let hogctl =
      self.hogctl.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
      ?? executable.deletingLastPathComponent().appendingPathComponent("hogctl").path
    guard FileManager.default.isExecutableFile(atPath: hogctl) else {
      throw ValidationError("no hogctl at \(hogctl); pass --hogctl PATH (scripts/bench does)")
    }
    let work = URL(fileURLWithPath: workDirectory, isDirectory: true).standardizedFileURL
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    // hogctl apply writes its report below the current directory: keep it in the scratch space.
    guard FileManager.default.changeCurrentDirectoryPath(work.path) else {
      throw ValidationError("cannot enter the work directory \(work.path)")
    }
    let emulator = try await EmulatorProcess.start(hogctl: hogctl, workDirectory: work)
    let runner = BenchmarkRunner(
      hogctl: hogctl, benchExecutable: executable.path, workDirectory: work, latencyMilliseconds: latency,
      runs: runs, baselineRuns: baselineRuns, baselineParallelism: baselineParallelism, emulator: emulator)
    var results = BenchmarkResults(
      latencyMilliseconds: latency, runs: runs, baselineParallelism: baselineParallelism,
      baselineRuns: baselineRuns, applyRuns: applyRuns)
    do {
      results.processStartSeconds = try await runner.processStart()
      for size in parsedSizes {
        results.plan.append(try await runner.planRow(functions: size))
        results.localCompute.append(try await runner.localComputeRow(functions: size))
      }
      if applyUpdates > 0 {
        results.apply = try await runner.applyRow(updates: applyUpdates, runs: applyRuns)
      }
    } catch {
      await emulator.stop()
      throw error
    }
    await emulator.stop()
    let report = MarkdownReport(
      results: results, machine: MachineDescription.current(), command: commandLine
    ).text
    print(report, terminator: "")
    if let output { try report.write(toFile: output, atomically: true, encoding: .utf8) }
  }

  /// The command as a user would type it, without where the Markdown was saved.
  private var commandLine: String {
    var arguments: [String] = []
    var skipNext = false
    let given = CommandLine.arguments.dropFirst()
    for argument in given.first == "run" ? given.dropFirst() : given {
      if skipNext {
        skipNext = false
      } else if argument == "--output" || argument == "--hogctl" {
        skipNext = true
      } else if !argument.hasPrefix("--output=") && !argument.hasPrefix("--hogctl=") {
        arguments.append(argument)
      }
    }
    return (["scripts/bench"] + arguments).joined(separator: " ")
  }
}

/// The child process that measures local compute alone; prints its timings as JSON.
struct LocalComputeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "local-compute", abstract: "Load, validate, decode and diff, and print the timings.",
    shouldDisplay: false)

  @Argument(help: "The manifest directory.") var manifests: String
  @Argument(help: "Saved list pages (JSON).") var pages: [String] = []

  func run() throws {
    let timings = try LocalCompute.measure(
      manifests: URL(fileURLWithPath: manifests, isDirectory: true),
      pages: pages.map(URL.init(fileURLWithPath:)))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try encoder.encode(timings), as: UTF8.self))
  }
}
