import ArgumentParser
import Foundation
import Manifests
import PostHogAPI
import Reconciler

/// What every operating command (test, status, logs, metrics, broadcast, icons, list) starts
/// from: the manifest directory, for hogctl.yaml's connection settings and the managed names, and
/// an open session to PostHog or the embedded emulator.
struct OperationContext {
  var result: ManifestLoadResult
  var session: APISession
  var api: PostHogClient { session.api }

  /// Loads the manifests and runs `body` with an open session, closing it afterwards. Commands
  /// that only read never need secret values, so unset `!env` variables are placeholders for
  /// them; `sendsManifests` commands (test) refuse placeholders as apply does.
  static func with<T>(
    manifests: ManifestOptions, connection: ConnectionOptions, sendsManifests: Bool = false,
    _ body: (OperationContext) async throws -> T
  ) async throws -> T {
    var options = manifests
    if !sendsManifests { options.skipEnvironment = true }
    let result = try PlanWorkflow(manifests: options, connection: connection)
      .loadManifests(allowPlaceholders: !sendsManifests)
    let session = try await APISession.open(
      connection, settings: result.settings, secretValues: PlanWorkflow.secretValues(result.functions))
    do {
      let value = try await body(OperationContext(result: result, session: session))
      await session.close()
      return value
    } catch {
      await session.close()
      throw error
    }
  }

  /// The types a plan of this directory looks at: `manage.types` and the manifests' own.
  var typesInScope: [String] {
    Planner.typesInScope(desired: result.functions, settings: result.settings)
  }

  /// The live function a command names: the one a manifest of that name manages, else a live
  /// function with that id, else the only live function with that name.
  func resolve(_ name: String) async throws -> HogFunction {
    let live = try await api.listHogFunctionsWithHealth(types: []).map(\.function)
    let manifests = result.functions.filter { $0.name == name && !$0.deleted }
    if let managed = FunctionMatcher.match(desired: manifests, live: live).matches.compactMap(\.live).first {
      return managed
    }
    if let byID = live.first(where: { $0.id == name }) { return byID }
    let named = live.filter { $0.name == name }
    if named.count == 1 { return named[0] }
    if named.count > 1 {
      let ids = named.map { "\($0.id) (\($0.type))" }.joined(separator: ", ")
      throw CommandError("\(named.count) live functions are named '\(name)': \(ids). Give the id instead.")
    }
    if let manifest = manifests.first {
      throw CommandError(
        "'\(name)' (\(manifest.location.file):\(manifest.location.line)) is not live in \(session.target) yet: "
          + "apply it first.")
    }
    throw CommandError("No live function in \(session.target) is named '\(name)' or has that id.")
  }
}

/// `--format` of the operating commands: text for people, JSON (`format_version: "1"`) for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
