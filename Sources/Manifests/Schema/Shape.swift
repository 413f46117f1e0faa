/// The shape a manifest value must have: the Swift side of `schemas/*.schema.json`.
indirect enum Shape: Sendable {
  /// Text; plain scalars keep exactly what was written (`no`, `1.0`, `0123`). `!env`/`!file` allowed.
  case string
  /// Only `true` or `false`.
  case boolean
  /// A whole number; outside `range` is reported with `rangeRule`.
  case integer(ClosedRange<Int>?, rangeRule: String)
  case number(ClosedRange<Double>?)
  case enumeration([String])
  case list(Shape)
  case object(ObjectShape)
  /// Free keys, each value of the same shape; keys may be limited to an enumeration.
  case map(keys: [String]?, values: Shape)
  /// `null`, or the wrapped shape.
  case nullable(Shape)
  /// Any JSON value; plain scalars are typed as YAML 1.2's core schema reads them.
  case json
  /// A function's or mapping's `inputs`: plain values or `!input {value, templating}`.
  case inputs

  static func integer(_ range: ClosedRange<Int>? = nil) -> Shape {
    .integer(range, rangeRule: RuleID.outOfRange)
  }
}

struct ObjectShape: Sendable {
  struct Field: Sendable {
    var name: String
    var shape: Shape
    /// The rule reported when the field is missing; `nil` when it is optional.
    var requiredRule: String?
  }

  let fields: [Field]
  /// Reported instead of the structural rules for anything inside (e.g. `invalid-test`).
  var ruleOverride: String?
  private let indexByName: [String: Int]
  /// The required fields' positions and the rules reported when they are missing: the only
  /// fields checked once an object is read.
  let requiredFields: [(index: Int, rule: String)]
  /// Whether the object holds `inputs` typed by an `inputs_schema` beside them.
  let typesInputs: Bool

  init(_ fields: [Field], ruleOverride: String? = nil) {
    // The decoder marks the fields it saw in one 64-bit word.
    precondition(fields.count <= 64, "an object shape holds at most 64 fields")
    self.fields = fields
    self.ruleOverride = ruleOverride
    self.indexByName = Dictionary(
      fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    self.requiredFields = fields.indices.compactMap { index in
      fields[index].requiredRule.map { (index, $0) }
    }
    self.typesInputs = indexByName["inputs"] != nil && indexByName["inputs_schema"] != nil
  }

  func fieldIndex(_ name: String) -> Int? { indexByName[name] }
  func field(_ name: String) -> Field? { fieldIndex(name).map { fields[$0] } }
}

extension ObjectShape.Field {
  static func optional(_ name: String, _ shape: Shape) -> Self {
    Self(name: name, shape: shape, requiredRule: nil)
  }

  static func required(_ name: String, _ shape: Shape, rule: String = RuleID.requiredField) -> Self {
    Self(name: name, shape: shape, requiredRule: rule)
  }
}
