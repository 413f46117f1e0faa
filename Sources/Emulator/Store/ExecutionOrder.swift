import HogctlJSON

/// `execution_order` semantics: automatic orders for transformations, the cap on enabled
/// transformations, and `rearrange`'s all-or-nothing validation.
enum ExecutionOrder {
  /// Types whose functions run one after another, lowest order first.
  static let orderedTypes: Set<String> = ["transformation"]
  /// Enabled functions of these types per project, as PostHog limits them.
  static let enabledCaps: [String: Int] = ["transformation": 20]

  /// (highest order among live functions of `type`) + 1, or 1 when there are none.
  static func next(for type: String, among functions: some Sequence<StoredFunction>) -> Int {
    let highest = functions.filter { $0.isLive && $0.type == type }.compactMap(\.executionOrder).max()
    return (highest ?? 0) + 1
  }

  /// Throws when a write would take one more function of a capped type into the enabled set.
  /// `before` is the function as stored (nil on create).
  static func checkCap(
    type: String, willBeEnabled: Bool, willBeDeleted: Bool, before: StoredFunction?,
    among functions: some Sequence<StoredFunction>
  ) throws {
    guard let cap = enabledCaps[type], willBeEnabled, !willBeDeleted else { return }
    if let before, before.isEnabled, before.isLive { return }
    let enabled = functions.filter { $0.isLive && $0.isEnabled && $0.type == type }.count
    if enabled >= cap {
      throw EmulatorError.validation(
        "Maximum of \(cap) enabled \(type) functions allowed per team. Please contact support if you "
          + "need this limit increased, or disable some existing ones.", attr: "type")
    }
  }

  /// Validates a `rearrange` body against the stored functions and returns the new orders by id
  /// and the type they share. Nothing is changed when this throws.
  static func rearrangement(
    body: JSONObject, functions: [String: StoredFunction]
  ) throws -> (orders: [String: Int], type: String) {
    let orders = body["orders"]?.objectValue ?? [:]
    if orders.isEmpty { throw EmulatorError.nonField("No orders provided") }
    for id in orders.keys.sorted() {
      guard let function = functions[id.lowercased()], function.isLive,
        orderedTypes.contains(function.type)
      else {
        throw EmulatorError.nonField("HogFunction with id \(id) does not exist")
      }
    }
    let types = Set(orders.keys.compactMap { functions[$0.lowercased()]?.type })
    if let error = mixedTypesError(types) { throw error }
    var newOrders: [String: Int] = [:]
    for (id, value) in orders.sorted(by: { $0.key < $1.key }) {
      guard let order = value.intValue else {
        throw EmulatorError.validation(
          "A valid integer is required.", attr: "orders__\(id)", code: "invalid")
      }
      newOrders[id.lowercased()] = order
    }
    return (newOrders, types.first ?? "transformation")
  }

  /// Orders are per type, so one request may not mix types. Only reachable when more than one
  /// type has an execution order (PostHog's later `transformation_log`).
  static func mixedTypesError(_ types: Set<String>) -> EmulatorError? {
    types.count > 1
      ? EmulatorError.nonField("Cannot rearrange functions of different types in one request") : nil
  }
}
