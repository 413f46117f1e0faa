import ArgumentParser
import Foundation
import Manifests
import PostHogAPI
import Reconciler
import Rendering

/// `hogctl apply [DIR | PLANFILE]`: make PostHog match the manifests.
struct ApplyCommand: AsyncParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  static let configuration = CommandConfiguration(
    commandName: "apply",
    abstract: "Make PostHog match the manifests.",
    discussion: """
      With a directory, plans afresh, shows the plan and asks for confirmation (on a terminal; \
      elsewhere --auto-approve is required). With a file saved by `plan -out`, applies exactly that \
      plan after checking that neither the manifests nor any live function it touches changed since. \
      Order: creates and updates, then soft deletes, then one rearrange per type, then broadcasts. \
      Exit codes: 0 applied (or nothing to do), 1 error or partial failure (a report lists what \
      succeeded, failed and was not attempted; it is also written to .hogctl/apply-report.json), 64 bad usage.
      """)

  @Argument(
    help: ArgumentHelp(
      "A manifest directory, or a plan saved with `plan -out`.", valueName: "dir-or-planfile"))
  var path: String = "."

  @Flag(
    name: .customLong("skip-env"),
    help:
      "Not allowed for apply (placeholders are never sent); accepted for symmetry with plan so scripts fail clearly."
  )
  var skipEnvironment = false

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var selection: PlanSelectionOptions

  @Flag(name: .customLong("auto-approve"), help: "Apply without asking for confirmation.")
  var autoApprove = false

  @Option(help: "Output format of the report: text or json.")
  var format: Format = .text

  @Flag(name: .customLong("no-color"), help: "Plain text even on a terminal (NO_COLOR does the same).")
  var noColor = false

  static let reportPath = ".hogctl/apply-report.json"

  func run() async throws {
    let savedPlan = SavedPlan.isPlanFile(path) ? try SavedPlan.read(from: path) : nil
    if savedPlan != nil
      && !(selection.targets.isEmpty && !selection.force && !selection.rotateSecrets
        && !selection.resolveDuplicates)
    {
      throw ValidationError(
        "--target, --force, --rotate-secrets and --resolve-duplicates are fixed when the plan is saved; "
          + "plan again to change them.")
    }
    var arguments = [savedPlan?.directory ?? path]
    if skipEnvironment { arguments.append("--skip-env") }
    let workflow = PlanWorkflow(manifests: try ManifestOptions.parse(arguments), connection: connection)
    let result = try workflow.loadManifests(allowPlaceholders: false)
    let session = try await APISession.open(
      connection, settings: result.settings, secretValues: PlanWorkflow.sensitiveValues(result))
    do {
      try await apply(result, savedPlan: savedPlan, workflow: workflow, session: session)
      await session.close()
    } catch {
      await session.close()
      throw error
    }
  }

  private func apply(
    _ result: ManifestLoadResult, savedPlan: SavedPlan?, workflow: PlanWorkflow, session: APISession
  ) async throws {
    let api = session.api
    Terminal.error("Applying to \(session.pointing).")
    let plan: Plan
    if let savedPlan {
      let state = try await LiveState.fetch(api, desired: result.functions, settings: result.settings)
      let moved = savedPlan.plan.fingerprint.changes(
        desired: result.functions, settings: result.settings, live: state.functions,
        templates: state.templates)
      guard moved.isEmpty else {
        throw CommandError(
          "The saved plan is stale; nothing was applied. Since it was made:\n"
            + moved.map { "  - \($0)" }.joined(separator: "\n") + "\nRun `hogctl plan` again.")
      }
      plan = savedPlan.plan
    } else {
      var options = selection.planOptions
      options.fingerprint = false  // applied at once, never saved
      options.sensitiveValues = [session.apiKey]
      plan = try await workflow.plan(result, api: api, options: options, settling: true)
      let style: ANSIStyle = Terminal.useColor(disabledByFlag: noColor) ? .colored : .plain
      let shown = PlanTextRenderer(style: style).render(plan)
      if format == .text { Terminal.output(shown) } else { Terminal.error(shown) }
    }
    guard plan.hasChanges else {
      // A plan made here was printed above and says so; a saved one would otherwise end silently.
      if savedPlan != nil {
        let message =
          "No changes. The saved plan is empty and live PostHog still matches it; nothing was applied."
        if format == .text { Terminal.output(message + "\n") } else { Terminal.error(message) }
      }
      return
    }
    if savedPlan == nil && !autoApprove { try confirm(pointing: session.pointing) }

    let total = plan.actions.count
    let progress = ProgressPrinter(total: total, toStandardError: format == .json)
    let executor = ApplyExecutor(
      api: api, desired: result.functions, parallelism: connection.parallelism,
      progress: { progress.finished($0) })
    let report = await executor.apply(plan)
    switch format {
    case .text: Terminal.output(ApplyReportRenderer.text(report))
    case .json: Terminal.output(try ApplyReportRenderer.json(report) + "\n")
    }
    if !report.succeeded {
      try? FileManager.default.createDirectory(atPath: ".hogctl", withIntermediateDirectories: true)
      try? Data(Terminal.redacted(try ApplyReportRenderer.json(report)).utf8).write(
        to: URL(fileURLWithPath: Self.reportPath), options: .atomic)
      Terminal.error("The report is saved in \(Self.reportPath).")
      throw ExitCode.failure
    }
  }

  /// Asks on a terminal; refuses, saying so, anywhere else.
  private func confirm(pointing: String) throws {
    guard Terminal.standardInputIsTerminal else {
      throw CommandError(
        "Not applied: apply asks for confirmation, and standard input is not a terminal. "
          + "Pass --auto-approve to apply without asking (as CI does).")
    }
    Terminal.output(
      "\nDo you want to perform these actions in \(pointing)? Only 'yes' will be accepted.\n  Enter a value: "
    )
    guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
      throw CommandError("Apply cancelled: nothing was changed.")
    }
  }
}

/// Prints one line per finished action, with a live counter on a terminal.
final class ProgressPrinter: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  private let total: Int
  private let toStandardError: Bool
  private let live = isatty(STDERR_FILENO) == 1

  init(total: Int, toStandardError: Bool) {
    self.total = total
    self.toStandardError = toStandardError
  }

  func finished(_ entry: ApplyReport.Entry) {
    lock.withLock {
      done += 1
      let line = ApplyReportRenderer.progressLine(entry)
      if live { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      if toStandardError { Terminal.error(line) } else { Terminal.output(line + "\n") }
      if live && done < total {
        FileHandle.standardError.write(Data("[\(done)/\(total)] applying…".utf8))
      }
    }
  }
}
