import Foundation

extension JSONValue: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value):
      if let int = intValue { try container.encode(int) } else { try container.encode(value) }
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }
}

public enum JSONValueError: Error, CustomStringConvertible {
  case invalidJSON(String)

  public var description: String {
    switch self {
    case .invalidJSON(let reason): "invalid JSON: \(reason)"
    }
  }
}

extension JSONValue {
  /// Parses JSON text. Throws `JSONValueError.invalidJSON` for malformed input.
  public static func parse(_ data: Data) throws -> JSONValue {
    do {
      return try JSONDecoder().decode(JSONValue.self, from: data)
    } catch {
      throw JSONValueError.invalidJSON(String(describing: error))
    }
  }

  public static func parse(_ text: String) throws -> JSONValue {
    try parse(Data(text.utf8))
  }

  /// Deterministic JSON text: object keys sorted, integral numbers without a fraction.
  public func serialized(pretty: Bool = false) -> String {
    var output = ""
    write(to: &output, pretty: pretty, indent: 0)
    return output
  }

  public func serializedData(pretty: Bool = false) -> Data {
    Data(serialized(pretty: pretty).utf8)
  }

  private func write(to output: inout String, pretty: Bool, indent: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let value): output += Self.format(number: value)
    case .string(let value): Self.writeQuoted(value, to: &output)
    case .array(let items):
      if items.isEmpty {
        output += "[]"
        return
      }
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
        item.write(to: &output, pretty: pretty, indent: indent + 1)
      }
      if pretty { output += "\n" + String(repeating: "  ", count: indent) }
      output += "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{"
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { output += "," }
        if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
        Self.writeQuoted(key, to: &output)
        output += pretty ? ": " : ":"
        members[key]!.write(to: &output, pretty: pretty, indent: indent + 1)
      }
      if pretty { output += "\n" + String(repeating: "  ", count: indent) }
      output += "}"
    }
  }

  static func format(number: Double) -> String {
    if number.rounded() == number, abs(number) < 9.0e15 { return String(Int(number)) }
    if !number.isFinite { return "null" }
    return String(number)
  }

  static func writeQuoted(_ string: String, to output: inout String) {
    output += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        output += String(format: "\\u%04x", scalar.value)
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
