import HogctlCore

// SKELETON: the interface between the emulator's HTTP layer (server, store, routes) and its pure
// validation rules. Both sides code against these signatures.
//
// struct HogFunctionRules: Sendable {
//   init(templates: TemplateCatalog)
//   /// A create body → the record to store: validated, defaults applied, template filled, secrets
//   /// kept in the record, `bytecode`/`filters.bytecode`/input `order`+`templating` computed.
//   /// The store adds `id`, `created_at`, `updated_at`, `created_by`, `execution_order` rules.
//   func validateCreate(_ body: [String: JSONValue]) throws -> [String: JSONValue]   // throws EmulatorError
//   /// A PATCH/PUT body over the stored record → the new record (type immutability, inputs replaced
//   /// whole, secret keep-markers and their errors).
//   func validateUpdate(_ body: [String: JSONValue], existing: [String: JSONValue]) throws -> [String: JSONValue]
//   /// The response object: secrets shown as {"secret": true}, schema defaults filled, `template`
//   /// resolved, write-only fields removed. `full: false` drops inputs, inputs_schema, mappings, masking.
//   func render(_ stored: [String: JSONValue], full: Bool) -> [String: JSONValue]
// }
