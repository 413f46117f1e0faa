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
      self = .object(try container.decode(JSONObject.self))
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
  /// Parses JSON text, leaving out the members `dropping` names. Throws
  /// `JSONValueError.invalidJSON` for malformed input (dropped members included).
  public static func parse(_ data: Data, dropping: JSONDropList = .none) throws -> JSONValue {
    try data.withUnsafeBytes { raw throws(JSONValueError) in
      try JSONParser.parse(raw.bindMemory(to: UInt8.self), dropping: dropping)
    }
  }

  public static func parse(_ text: String, dropping: JSONDropList = .none) throws -> JSONValue {
    try parse(Data(text.utf8), dropping: dropping)
  }

  /// Deterministic JSON text: object keys sorted, integral numbers without a fraction.
  public func serialized(pretty: Bool = false) -> String {
    String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
  }

  public func serializedData(pretty: Bool = false) -> Data {
    Data(serializedBytes(pretty: pretty))
  }

  /// The UTF-8 bytes of `serialized(pretty:)`, written into a byte buffer rather than a String,
  /// which is several times faster for large documents (list pages, plan fingerprints).
  public func serializedBytes(pretty: Bool = false) -> [UInt8] {
    var output: [UInt8] = []
    write(to: &output, pretty: pretty, indent: 0)
    return output
  }

  private func write(to output: inout [UInt8], pretty: Bool, indent: Int) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .number(let value): output.append(contentsOf: Self.format(number: value).utf8)
    case .string(let value): Self.writeQuoted(value, to: &output)
    case .array(let items):
      if items.isEmpty {
        output.append(contentsOf: "[]".utf8)
        return
      }
      output.append(UInt8(ascii: "["))
      // Through a buffer pointer, so that elements are read in place rather than copied out
      // (and retained and released) one by one.
      items.withUnsafeBufferPointer { items in
        for index in items.indices {
          if index > 0 { output.append(UInt8(ascii: ",")) }
          if pretty { Self.newline(indent + 1, to: &output) }
          items[index].write(to: &output, pretty: pretty, indent: indent + 1)
        }
      }
      if pretty { Self.newline(indent, to: &output) }
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      if object.isEmpty {
        output.append(contentsOf: "{}".utf8)
        return
      }
      output.append(UInt8(ascii: "{"))
      // Members are held sorted by key, the canonical order.
      object.withMembers { members in
        for index in members.indices {
          if index > 0 { output.append(UInt8(ascii: ",")) }
          if pretty { Self.newline(indent + 1, to: &output) }
          Self.writeQuoted(members[index].key, to: &output)
          output.append(UInt8(ascii: ":"))
          if pretty { output.append(UInt8(ascii: " ")) }
          members[index].value.write(to: &output, pretty: pretty, indent: indent + 1)
        }
      }
      if pretty { Self.newline(indent, to: &output) }
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func newline(_ indent: Int, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\n"))
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
  }

  static func format(number: Double) -> String {
    if number.rounded() == number, abs(number) < 9.0e15 { return String(Int(number)) }
    if !number.isFinite { return "null" }
    return String(number)
  }

  /// `string` as a JSON string literal.
  static func writeQuoted(_ string: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { bytes in
      // Runs of bytes that need no escape are appended whole; only `"`, `\` and control
      // characters (all ASCII, so never inside a multi-byte sequence) break a run.
      var runStart = 0
      for index in 0..<bytes.count {
        let byte = bytes[index]
        guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        switch byte {
        case 0x22: output.append(contentsOf: "\\\"".utf8)
        case 0x5C: output.append(contentsOf: "\\\\".utf8)
        case 0x0A: output.append(contentsOf: "\\n".utf8)
        case 0x0D: output.append(contentsOf: "\\r".utf8)
        case 0x09: output.append(contentsOf: "\\t".utf8)
        default: output.append(contentsOf: String(format: "\\u%04x", byte).utf8)
        }
        runStart = index + 1
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
    output.append(UInt8(ascii: "\""))
  }
}
