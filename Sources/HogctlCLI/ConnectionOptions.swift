import ArgumentParser
import Foundation
import HogctlCore
import Manifests
import PostHogAPI

/// Where PostHog is and how to talk to it; shared by plan and apply.
struct ConnectionOptions: ParsableArguments {
  @Option(help: "PostHog host, e.g. https://eu.posthog.com. Overrides POSTHOG_HOST and hogctl.yaml.")
  var host: String?

  @Option(
    name: .customLong("project"),
    help: "Project (environment) id. Overrides POSTHOG_PROJECT_ID and hogctl.yaml.")
  var projectID: String?

  @Option(
    name: .customLong("environment"),
    help: ArgumentHelp(
      "Use this entry of hogctl.yaml's environments instead of project (HOGCTL_ENVIRONMENT does the same).",
      valueName: "name"))
  var environment: String?

  @Option(
    name: .customLong("api-path"),
    help: "API path family: environments (PostHog's documented default) or projects.")
  var apiPath: ProjectSettings.APIPath?

  @Option(
    name: .customLong("api-key-file"),
    help: "Read the personal API key from this file instead of POSTHOG_PERSONAL_API_KEY.")
  var apiKeyFile: String?

  @Flag(
    name: .customLong("insecure-http"),
    help: "Allow plain http:// to hosts other than localhost (the key would cross the network unencrypted).")
  var insecureHTTP = false

  @Option(help: "Requests in flight at once.")
  var parallelism: Int = 8

  @Option(
    name: .customLong("rate-limit"),
    help: ArgumentHelp(
      "Requests hogctl allows itself: N/minute,M/hour (PostHog's default for personal API keys is "
        + "480/minute,4800/hour; use your own if PostHog raised it), or off.",
      valueName: "limit"))
  var rateLimit: ClientRateLimit = .init(RateLimit.posthogDefault)

  @Flag(help: "Trace every request and response on stderr (the key and secret values are redacted).")
  var debug = false

  @Flag(
    help: """
      Use the embedded PostHog emulator instead of PostHog, with its state in .hogctl/emulator.json \
      in the current directory. No account or key needed.
      """)
  var emulator = false

  var overrides: SettingsOverrides {
    SettingsOverrides(host: host, projectID: projectID, apiPath: apiPath, environment: environment)
  }

  func validate() throws {
    guard parallelism >= 1 else { throw ValidationError("--parallelism must be at least 1.") }
  }
}

/// `--rate-limit`: a budget per minute and per hour, or none; written as for `hogctl emulator
/// --rate-limit`.
struct ClientRateLimit: ExpressibleByArgument {
  var limit: RateLimit?

  init(_ limit: RateLimit?) { self.limit = limit }

  init?(argument: String) {
    do {
      limit = try RateLimit.parse(argument)
    } catch {
      return nil
    }
  }

  var defaultValueDescription: String { limit?.description ?? "off" }
}

extension ProjectSettings.APIPath: ExpressibleByArgument {}
