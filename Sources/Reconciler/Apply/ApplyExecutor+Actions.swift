import Foundation
import HogctlJSON
import PostHogAPI

extension ApplyExecutor {
  func create(_ action: PlanAction, ledger: ApplyLedger) async -> ApplyReport.Entry {
    let body = action.requestBody(with: desiredFunction(for: action)) ?? [:]
    do {
      let created = try await api.createHogFunction(body)
      return entry(action, id: created.id, .succeeded)
    } catch let error where Self.isAmbiguousCreate(error) {
      return await recoverCreate(action, body: body, after: error)
    } catch {
      return Self.outcomeIsUnknown(error) ? unknownCreate(action, error) : failure(action, id: nil, error)
    }
  }

  /// A create that PostHog may or may not have carried out: counted apart from failures, since
  /// the next plan finds the function (and adopts it) if it was made.
  private func unknownCreate(_ action: PlanAction, _ error: any Error) -> ApplyReport.Entry {
    var unknown = failure(action, id: nil, error)
    unknown.outcome = .outcomeUnknown
    unknown.message =
      "the function may or may not have been created; run plan to see. " + (unknown.message ?? "")
    return unknown
  }

  /// A create whose answer was lost: look the name up and adopt the function if PostHog made it;
  /// if it is certainly absent, create it once more.
  private func recoverCreate(
    _ action: PlanAction, body: JSONObject, after error: any Error
  ) async -> ApplyReport.Entry {
    do {
      let live = try await api.listHogFunctions(types: [action.type])
      let found = live.filter { $0.name == action.name }
      if found.count == 1 {
        return entry(action, id: found[0].id, .succeeded, "adopted after a lost response")
      }
      if found.count > 1 {
        let ids = found.map(\.id).joined(separator: ", ")
        return entry(
          action, id: nil, .failed, "more than one live function is named \"\(action.name)\": \(ids)")
      }
      let created = try await api.createHogFunction(body)
      return entry(action, id: created.id, .succeeded)
    } catch {
      // The first create may have gone through: what happened to it is still not known.
      return unknownCreate(action, error)
    }
  }

  func update(_ action: PlanAction) async -> ApplyReport.Entry {
    guard let id = action.id else { return entry(action, id: nil, .failed, "the plan has no id") }
    let body = action.requestBody(with: desiredFunction(for: action)) ?? [:]
    do {
      _ = try await api.updateHogFunction(id: id, body)
      return entry(action, id: id, .succeeded)
    } catch {
      return failure(action, id: id, error)
    }
  }

  func delete(_ action: PlanAction) async -> ApplyReport.Entry {
    guard let id = action.id else { return entry(action, id: nil, .failed, "the plan has no id") }
    do {
      try await api.deleteHogFunction(id: id)
      return entry(action, id: id, .succeeded)
    } catch {
      return failure(action, id: id, error)
    }
  }

  /// One `rearrange` with every order of the type. Functions this apply created get their new
  /// ids; when one of those creates failed, the rearrange is not attempted (it is all-or-nothing).
  func reorder(_ action: PlanAction, ledger: ApplyLedger) async -> ApplyReport.Entry {
    var orders: [String: Int] = [:]
    for item in action.reorder {
      if let id = item.id {
        orders[id] = item.after
      } else if let created = await ledger.writeOutcome(name: item.name, type: action.type),
        created.outcome == .succeeded, let id = created.id
      {
        orders[id] = item.after
      } else {
        return entry(
          action, id: nil, .notAttempted, "\"\(item.name)\" was not created, so its id is unknown")
      }
    }
    do {
      _ = try await api.rearrange(orders: orders)
      return entry(action, id: nil, .succeeded)
    } catch {
      return failure(action, id: nil, error)
    }
  }

  /// A broadcast really sends events, so it runs only after its function's create or update
  /// succeeded and is never repeated when its answer is lost.
  func broadcast(_ action: PlanAction, ledger: ApplyLedger) async -> ApplyReport.Entry {
    let write = await ledger.writeOutcome(name: action.name, type: action.type)
    if await ledger.adopted.contains(action.type + "/" + action.name) {
      return entry(
        action, id: write?.id, .skipped, "the apply whose copy of the function was kept broadcasts it")
    }
    if let write, write.outcome != .succeeded {
      return entry(action, id: action.id, .notAttempted, "its \(write.kind.rawValue) did not succeed")
    }
    guard let id = action.id ?? write?.id else {
      return entry(action, id: nil, .notAttempted, "the function's id is unknown")
    }
    do {
      try await api.broadcast(id: id)
      return entry(action, id: id, .succeeded)
    } catch let error where Self.outcomeIsUnknown(error) {
      var unknown = failure(action, id: id, error)
      unknown.outcome = .outcomeUnknown
      unknown.message =
        "the broadcast may or may not have been sent; it was not repeated. "
        + (unknown.message ?? "")
      return unknown
    } catch {
      return failure(action, id: id, error)
    }
  }

  private func entry(
    _ action: PlanAction, id: String?, _ outcome: ApplyReport.Outcome, _ message: String? = nil
  ) -> ApplyReport.Entry {
    ApplyReport.Entry(
      kind: action.kind, name: action.name, type: action.type, id: id, outcome: outcome,
      message: message)
  }

  private func failure(_ action: PlanAction, id: String?, _ error: any Error) -> ApplyReport.Entry {
    var result = entry(action, id: id, .failed, Self.describe(error))
    if case .http(let failure)? = error as? APIError { result.field = failure.attr }
    return result
  }

  static func describe(_ error: any Error) -> String {
    (error as? LocalizedError)?.errorDescription ?? String(describing: error)
  }

  static func isAmbiguousCreate(_ error: any Error) -> Bool {
    if case .ambiguousCreate? = error as? APIError { return true }
    return false
  }

  /// Whether a failed request may still have taken effect: no answer, or a server error.
  static func outcomeIsUnknown(_ error: any Error) -> Bool {
    switch error as? APIError {
    case .transport?, .ambiguousCreate?: return true
    case .http(let failure)?: return failure.status >= 500
    default: return false
    }
  }
}
