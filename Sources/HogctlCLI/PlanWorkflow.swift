import ArgumentParser
import Foundation
import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler
import Rendering

/// The steps plan and apply share: load and check the manifests (no API call after an error),
/// list the live functions once, fetch each named template once, and plan.
struct PlanWorkflow {
  var manifests: ManifestOptions
  var connection: ConnectionOptions

  struct Planned {
    var result: ManifestLoadResult
    var plan: Plan
  }

  /// Loads the manifests; prints the diagnostics and exits 1 on any error.
  func loadManifests(allowPlaceholders: Bool) throws -> ManifestLoadResult {
    let result = try manifests.load(overrides: connection.overrides)
    Terminal.protect(values: Self.sensitiveValues(result))
    if !result.diagnostics.isEmpty {
      let rendered = DiagnosticRenderer.text(
        result.diagnostics, sources: result.sources, summary: ValidationSummary(result))
      Terminal.error(rendered)
    }
    if result.hasErrors { throw ExitCode.failure }
    if !allowPlaceholders && !result.unresolvedEnvironment.isEmpty {
      throw CommandError(
        "--skip-env left these variables unset: \(result.unresolvedEnvironment.joined(separator: ", ")). "
          + "apply never sends placeholders; set them and run again.")
    }
    return result
  }

  /// The values that must never appear in any output: every `!env` value and every input the
  /// manifests mark secret. (The API key joins them when the session opens.)
  static func sensitiveValues(_ result: ManifestLoadResult) -> [String] {
    result.sensitiveValues + secretValues(result.functions)
  }

  /// The values of the inputs the manifests mark secret.
  static func secretValues(_ functions: [DesiredFunction]) -> [String] {
    functions.flatMap { function -> [String] in
      let inputs = function.fields["inputs"]?.objectValue ?? [:]
      return function.secretInputKeys.compactMap { key in
        guard let value = inputs[key] else { return nil }
        let plain = value["value"] ?? value
        return plain.stringValue ?? plain.serialized()
      }
    }.filter { !$0.isEmpty }
  }

  /// Plans against the live state. With `settling`, a plan that finds duplicates of a managed
  /// name reads the live state again a few times first: another apply started at the same moment
  /// deletes its own copies within seconds of creating them (see `ApplyExecutor`).
  func plan(
    _ result: ManifestLoadResult, api: any HogFunctionsAPI, options: PlanOptions, settling: Bool = false
  ) async throws -> Plan {
    var options = options
    options.sensitiveValues += Self.sensitiveValues(result)
    var attempt = 0
    while true {
      let state = try await LiveState.fetch(api, desired: result.functions, settings: result.settings)
      let planned = Result { () throws(PlanningError) -> Plan in
        try Planner.plan(
          desired: result.functions, settings: result.settings, live: state.functions,
          templates: state.templates, options: options)
      }
      if case .failure(let error) = planned, settling, attempt < Self.settlingAttempts,
        error.isOnlyDuplicates
      {
        attempt += 1
        try await Task.sleep(for: .seconds(1))
        continue
      }
      return try planned.get()
    }
  }

  static let settlingAttempts = 5
}

extension PlanningError {
  fileprivate var isOnlyDuplicates: Bool {
    problems.allSatisfy { if case .ambiguousMatch = $0 { true } else { false } }
  }
}
