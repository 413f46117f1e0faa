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
    try data.withUnsafeBytes { raw throws(JSONValueError) in
      try JSONParser.parse(raw.bindMemory(to: UInt8.self))
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
    // Runs of bytes that need no escape are appended whole; only `"`, `\` and control
    // characters (all ASCII, so never inside a multi-byte sequence) break a run.
    let utf8 = string.utf8
    var runStart = utf8.startIndex
    var index = runStart
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x22 || byte == 0x5C || byte < 0x20 {
        output += string[runStart..<index]
        switch byte {
        case 0x22: output += "\\\""
        case 0x5C: output += "\\\\"
        case 0x0A: output += "\\n"
        case 0x0D: output += "\\r"
        case 0x09: output += "\\t"
        default: output += String(format: "\\u%04x", byte)
        }
        runStart = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    output += string[runStart..<index]
    output += "\""
  }
}
