import Foundation
import HogctlJSON

/// The project's hog functions and what surrounds them (persons, logs, metrics). An actor: each
/// operation validates and writes in one step, so concurrent requests never lose an update.
actor HogFunctionStore {
  let rules: HogFunctionRules
  private let stateFile: StateFile?
  private let now: @Sendable () -> Date
  var state: PersistedState {
    didSet { lastListing = nil }
  }
  /// The matches of the last list, in list order, until the next write: a client paging
  /// through a large project asks for the same order once per page, and sorting it again for
  /// each page was most of the time a page took.
  private var lastListing: (query: ListQuery, ordered: [StoredFunction])?
  /// Lower-cased id → index into `state.functions`.
  private var index: [String: Int] = [:]

  init(rules: HogFunctionRules, stateFile: StateFile?, now: @escaping @Sendable () -> Date = Date.init)
    throws
  {
    self.rules = rules
    self.stateFile = stateFile
    self.now = now
    self.state = try stateFile?.load() ?? PersistedState()
    self.index = Self.makeIndex(state.functions)
  }

  private static func makeIndex(_ functions: [StoredFunction]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (position, function) in functions.enumerated() { index[function.id.lowercased()] = position }
    return index
  }

  var functionsByID: [String: StoredFunction] {
    index.mapValues { state.functions[$0] }
  }

  func stored(_ id: String) -> StoredFunction? {
    index[id.lowercased()].map { state.functions[$0] }
  }

  func render(_ function: StoredFunction, full: Bool = true) -> JSONValue {
    .object(rules.render(function.record, full: full))
  }

  // MARK: Reads

  /// The matches' count and this query's page, stored form: the caller renders it outside the
  /// actor, so pages requested together are rendered side by side, as PostHog's workers would.
  func list(_ query: ListQuery) -> (count: Int, page: [StoredFunction]) {
    let ordered: [StoredFunction]
    if let lastListing, lastListing.query == query.ignoringPage {
      ordered = lastListing.ordered
    } else {
      ordered = query.ordered(state.functions)
      lastListing = (query.ignoringPage, ordered)
    }
    return (ordered.count, query.page(ofOrdered: ordered))
  }

  /// A live function, or 404.
  func live(_ id: String) throws -> StoredFunction {
    guard let function = stored(id), function.isLive else { throw EmulatorError.notFound }
    return function
  }

  func retrieve(_ id: String) throws -> JSONValue { render(try live(id)) }

  // MARK: Writes

  /// Creates a function; returns the stored function (the response is its rendering).
  func create(_ body: JSONObject) throws -> StoredFunction {
    var body = body
    let deleted = Self.flag(body.removeValue(forKey: "deleted")) ?? false
    var record = try rules.validateCreate(body)
    let type = record["type"]?.stringValue ?? "destination"
    try ExecutionOrder.checkCap(
      type: type, willBeEnabled: record["enabled"]?.boolValue == true, willBeDeleted: deleted,
      before: nil, among: state.functions)
    if ExecutionOrder.orderedTypes.contains(type), record["execution_order"]?.intValue == nil {
      record["execution_order"] = .number(Double(ExecutionOrder.next(for: type, among: state.functions)))
    }
    record["execution_order"] = record["execution_order"] ?? .null
    let timestamp = JSONValue.string(ServerFields.timestamp(now()))
    record["id"] = .string(UUID().uuidString.lowercased())
    record["created_at"] = timestamp
    record["updated_at"] = timestamp
    record["created_by"] = ServerFields.createdBy
    record["status"] = ServerFields.status(enabled: record["enabled"]?.boolValue == true)
    let function = insert(record: record, deleted: deleted)
    try persist()
    return function
  }

  /// PATCH and PUT: validated over the stored record. `"deleted": true` soft-deletes, and a body
  /// with `"deleted": false` is the only write that reaches a deleted function (it restores it).
  func update(_ id: String, body: JSONObject) throws -> StoredFunction {
    var body = body
    let deletedFlag = Self.flag(body.removeValue(forKey: "deleted"))
    guard let position = index[id.lowercased()] else { throw EmulatorError.notFound }
    let before = state.functions[position]
    if before.deleted && deletedFlag != false { throw EmulatorError.notFound }

    var record = try rules.validateUpdate(body, existing: before.record)
    let willBeDeleted = deletedFlag ?? before.deleted
    let willBeEnabled = record["enabled"]?.boolValue == true
    try ExecutionOrder.checkCap(
      type: before.type, willBeEnabled: willBeEnabled, willBeDeleted: willBeDeleted, before: before,
      among: state.functions)

    let restoring = before.deleted && deletedFlag == false
    let reEnabling = !before.isEnabled && willBeEnabled && body["execution_order"] == nil
    if ExecutionOrder.orderedTypes.contains(before.type), restoring || reEnabling {
      let next = ExecutionOrder.next(for: before.type, among: state.functions)
      record["execution_order"] = .number(Double(next))
    }
    for key in ["id", "created_at", "created_by"] { record[key] = before.record[key] }
    record["execution_order"] = record["execution_order"] ?? .null
    record["updated_at"] = .string(ServerFields.timestamp(now()))
    record["status"] = ServerFields.status(enabled: willBeEnabled)
    state.sequence += 1
    state.functions[position] = StoredFunction(
      record: record, deleted: willBeDeleted, sequence: state.sequence)
    try persist()
    return state.functions[position]
  }

  /// Sets many orders at once, or none when anything is wrong; returns the rearranged type's
  /// live functions ordered by `execution_order`.
  func rearrange(_ body: JSONObject) throws -> [JSONValue] {
    let (orders, type) = try ExecutionOrder.rearrangement(body: body, functions: functionsByID)
    let timestamp = JSONValue.string(ServerFields.timestamp(now()))
    for (id, order) in orders.sorted(by: { $0.key < $1.key }) {
      guard let position = index[id], state.functions[position].executionOrder != order else { continue }
      state.sequence += 1
      state.functions[position].record["execution_order"] = .number(Double(order))
      state.functions[position].record["updated_at"] = timestamp
      state.functions[position].sequence = state.sequence
    }
    try persist()
    return state.functions.filter { $0.isLive && $0.type == type }
      .sorted(by: ListQuery.listOrder)
      .map { render($0) }
  }

  // MARK: Internals shared with the other store files

  @discardableResult
  func insert(record: JSONObject, deleted: Bool) -> StoredFunction {
    state.sequence += 1
    let function = StoredFunction(record: record, deleted: deleted, sequence: state.sequence)
    index[function.id.lowercased()] = state.functions.count
    state.functions.append(function)
    return function
  }

  /// Puts back a state taken earlier, in memory only (nothing was persisted since).
  func restore(_ snapshot: PersistedState) {
    state = snapshot
    index = Self.makeIndex(state.functions)
  }

  func replaceAll(with newState: PersistedState) throws {
    state = newState
    index = Self.makeIndex(state.functions)
    try persist()
  }

  func persist() throws {
    guard let stateFile else { return }
    do {
      try stateFile.save(state)
    } catch {
      throw EmulatorError.serverError
    }
  }

  func currentDate() -> Date { now() }

  /// `true`/`false`, also as the strings DRF's BooleanField accepts.
  static func flag(_ value: JSONValue?) -> Bool? {
    switch value {
    case .bool(let flag)?: flag
    case .string(let text)?:
      ["true", "1", "yes", "on"].contains(text.lowercased())
        ? true : (["false", "0", "no", "off"].contains(text.lowercased()) ? false : nil)
    case .number(let number)?: number == 1 ? true : (number == 0 ? false : nil)
    default: nil
    }
  }
}
