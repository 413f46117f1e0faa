import Foundation
import HogctlCore
import Hummingbird

/// The admin API under `/_emulator/` (no auth): scripted faults, reset, seed and statistics.
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
}
