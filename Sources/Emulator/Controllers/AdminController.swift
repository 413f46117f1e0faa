import Foundation
import HogctlCore
import HogctlJSON
import Hummingbird

/// The admin API under `/_emulator/` (no auth): scripted faults, reset, seed, statistics and the
/// latency and rate limit in force.
struct AdminController {
  typealias Context = EmulatorRequestContext
  let services: EmulatorServices

  func addRoutes(to group: RouterGroup<Context>) {
    group.post("faults", use: addFaults)
    group.get("faults", use: listFaults)
    group.delete("faults", use: clearFaults)
    group.post("reset", use: reset)
    group.post("seed", use: seed)
    group.get("stats", use: stats)
    group.delete("stats", use: resetStats)
    group.post("stats/reset", use: resetStats)
    group.get("settings", use: settings)
    group.post("settings", use: updateSettings)
  }

  /// One fault object, a list of them, or `{"faults": [...]}`.
  @Sendable func addFaults(_ request: Request, context: Context) async throws -> Response {
    let buffer = try await request.body.collect(upTo: context.maxUploadSize)
    let value: JSONValue
    do {
      value = try JSONValue.parse(Data(buffer.readableBytesView))
    } catch {
      throw EmulatorError.parseError("the request body is not valid JSON")
    }
    let items = value.arrayValue ?? value["faults"]?.arrayValue ?? [value]
    let faults = try items.map(ScriptedFault.init(json:))
    await services.faults.add(faults)
    return JSONResponse.make(201, ["faults": await services.faults.pending])
  }

  @Sendable func listFaults(_ request: Request, context: Context) async throws -> Response {
    JSONResponse.ok(["faults": await services.faults.pending])
  }

  @Sendable func clearFaults(_ request: Request, context: Context) async throws -> Response {
    await services.faults.clear()
    return JSONResponse.ok(["faults": []])
  }

  @Sendable func reset(_ request: Request, context: Context) async throws -> Response {
    try await services.resetAll()
    return JSONResponse.ok(["reset": true])
  }

  @Sendable func seed(_ request: Request, context: Context) async throws -> Response {
    let body = try await request.jsonObject(context: context)
    return JSONResponse.make(201, try await services.store.seed(body))
  }

  @Sendable func stats(_ request: Request, context: Context) async throws -> Response {
    JSONResponse.ok(await services.stats.json)
  }

  @Sendable func resetStats(_ request: Request, context: Context) async throws -> Response {
    await services.stats.reset()
    return JSONResponse.ok(await services.stats.json)
  }

  @Sendable func settings(_ request: Request, context: Context) async throws -> Response {
    JSONResponse.ok(await settingsJSON())
  }

  /// `{"latency_ms": "50" | 50 | "20-80" | null, "rate_limit": "480/minute,4800/hour" | "off"}`,
  /// either key alone. A new rate limit starts with full buckets, so a benchmark can prepare data
  /// unthrottled and then measure under the limit without restarting the emulator.
  @Sendable func updateSettings(_ request: Request, context: Context) async throws -> Response {
    let body = try await request.jsonObject(context: context)
    var latency: ClosedRange<Int>?? = nil
    if let value = body["latency_ms"] {
      let text = value.isNull ? "0" : (value.stringValue ?? value.intValue.map(String.init) ?? "")
      guard let parsed = try? EmulatorConfiguration.parseLatency(text) else {
        throw EmulatorError.validation("Expected N or N-M milliseconds, or null.", attr: "latency_ms")
      }
      latency = .some(parsed == 0...0 ? nil : parsed)
    }
    var limit: RateLimit?? = nil
    if let value = body["rate_limit"] {
      guard let text = value.stringValue,
        case .success(let parsed) = Result(catching: { try RateLimit.parse(text) })
      else {
        throw EmulatorError.validation("Expected N/minute,M/hour or off.", attr: "rate_limit")
      }
      limit = .some(parsed)
    }
    if let latency { await services.faults.setLatency(latency) }
    if let limit { await services.rateLimiter.configure(limit: limit) }
    return JSONResponse.ok(await settingsJSON())
  }

  private func settingsJSON() async -> JSONValue {
    let latency = await services.faults.latency
    let limit = await services.rateLimiter.limit
    return [
      "latency_ms": latency.map {
        .string($0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)")
      }
        ?? .null,
      "rate_limit": .string(limit?.description ?? "off"),
    ]
  }
}
