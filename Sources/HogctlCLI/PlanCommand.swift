import ArgumentParser
import Foundation
import HogctlCore
import Reconciler
import Rendering

/// `hogctl plan [DIR]`: what apply would change, without changing anything.
struct PlanCommand: AsyncParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
  }

  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Show what apply would change in PostHog, without changing anything.",
    discussion: """
      Reads the manifests, lists the live functions once (one paginated request per page), fetches \
      each named template once, and prints the difference. Exit codes: 0 success (with \
      --detailed-exitcode: no changes), 1 error, 2 changes present (only with --detailed-exitcode), \
      64 bad usage.
      """)

  @OptionGroup var manifests: ManifestOptions
  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var selection: PlanSelectionOptions

  @Option(
    help: "Output format: text (Terraform-style), json (format_version 1) or markdown (for pull requests).")
  var format: Format = .text

  @Flag(name: .customLong("detailed-exitcode"), help: "Exit 0 when there are no changes, 2 when there are.")
  var detailedExitcode = false

  @Option(
    name: .customLong("out", withSingleDash: true),
    help: ArgumentHelp(
      "Save the plan to FILE for `hogctl apply FILE` (holds no secret value).", valueName: "file"))
  var out: String?

  @Flag(name: .customLong("no-color"), help: "Plain text even on a terminal (NO_COLOR does the same).")
  var noColor = false

  func run() async throws {
    let workflow = PlanWorkflow(manifests: manifests, connection: connection)
    let result = try workflow.loadManifests(allowPlaceholders: true)
    let session = try await APISession.open(
      connection, settings: result.settings, secretValues: PlanWorkflow.sensitiveValues(result))
    let plan: Plan
    do {
      var options = selection.planOptions
      options.sensitiveValues = [session.apiKey]
      // Only a saved plan and the JSON output carry the fingerprint.
      options.fingerprint = out != nil || format == .json
      plan = try await workflow.plan(result, api: session.api, options: options)
      await session.close()
    } catch {
      await session.close()
      throw error
    }
    switch format {
    case .text:
      let style: ANSIStyle = Terminal.useColor(disabledByFlag: noColor) ? .colored : .plain
      Terminal.output(PlanTextRenderer(style: style).render(plan))
    case .json: Terminal.output(try PlanJSONRenderer.render(plan) + "\n")
    case .markdown: Terminal.output(PlanMarkdownRenderer().render(plan))
    }
    if let out {
      try SavedPlan(
        formatVersion: SavedPlan.currentVersion, hogctlVersion: HogctlVersion.current,
        directory: manifests.directory, skipEnvironment: manifests.skipEnvironment, plan: plan
      ).write(to: out)
      Terminal.error("Saved the plan to \(out). Apply it with: hogctl apply \(out)")
    }
    if detailedExitcode && plan.hasChanges { throw ExitCode(2) }
  }
}
