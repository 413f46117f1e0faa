/// A strict JSON parser (RFC 8259) straight from UTF-8 bytes to `JSONValue`. Foundation's
/// `JSONDecoder` goes through `Codable` and was the largest cost of a plan over thousands of
/// functions; this reads the same documents about twenty times faster and refuses the same bad
/// ones: trailing commas, leading zeros, control characters in strings, invalid UTF-8, lone
/// surrogates, non-finite numbers, content after the value, nesting deeper than 512.
struct JSONParser {
  static let maximumDepth = 512

  private let bytes: UnsafeBufferPointer<UInt8>
  private let dropping: JSONDropList
  private var position = 0
  private var depth = 0
  /// Members and elements read so far, for every object and array still open (each uses the
  /// top of the stack). Collections are built once their size is known: no growing, no rehashing,
  /// no spare capacity left behind in thousands of small objects, and members are moved rather
  /// than copied into them.
  private let pendingMembers = PendingMembers<JSONObject.Element>()
  private let pendingElements = PendingMembers<JSONValue>()

  private init(bytes: UnsafeBufferPointer<UInt8>, dropping: JSONDropList) {
    self.bytes = bytes
    self.dropping = dropping
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, dropping: JSONDropList = .none)
    throws(JSONValueError)
    -> JSONValue
  {
    var parser = JSONParser(bytes: bytes, dropping: dropping)
    parser.skipWhitespace()
    let value = try parser.parseValue(node: dropping.isEmpty ? nil : 0)
    parser.skipWhitespace()
    guard parser.position == bytes.count else { throw parser.error("unexpected content after the value") }
    return value
  }

  private func error(_ reason: String) -> JSONValueError {
    .invalidJSON("\(reason) at byte \(position)")
  }

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  /// `node` is where the value is in `dropping`, `nil` once no dropped path goes through it.
  private mutating func parseValue(node: Int? = nil) throws(JSONValueError) -> JSONValue {
    switch current {
    case UInt8(ascii: "{")?: return try parseObject(node: node)
    case UInt8(ascii: "[")?: return try parseArray(node: node)
    case UInt8(ascii: "\"")?: return .string(try parseString())
    case UInt8(ascii: "t")?: return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f")?: return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n")?: return try parseLiteral("null", .null)
    case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): return try parseNumber()
    case nil: throw error("unexpected end of input")
    default: throw error("unexpected character")
    }
  }

  private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONValueError)
    -> JSONValue
  {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count else { throw error("unexpected end of input") }
    for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
      throw error("unexpected character")
    }
    position += count
    return value
  }

  private mutating func enter() throws(JSONValueError) {
    depth += 1
    guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
  }

  private mutating func parseObject(node: Int?) throws(JSONValueError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    position += 1
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      position += 1
      return .object([:])
    }
    let start = pendingMembers.count
    while true {
      guard current == UInt8(ascii: "\"") else { throw error("expected a string key") }
      let key = try parseString()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw error("expected ':'") }
      position += 1
      skipWhitespace()
      if let node, let child = dropping.child(of: node, key) {
        let value = try parseValue(node: child)
        if !dropping.drops(child) { pendingMembers.append((key: key, value: value)) }
      } else {
        pendingMembers.append((key: key, value: try parseValue()))
      }
      skipWhitespace()
      switch current {
      case UInt8(ascii: ",")?:
        position += 1
        skipWhitespace()
      case UInt8(ascii: "}")?:
        position += 1
        // A repeated key keeps its last value, as Foundation's reader does.
        return .object(JSONObject(lastWins: pendingMembers.take(from: start)))
      default: throw error("expected ',' or '}'")
      }
    }
  }

  private mutating func parseArray(node: Int?) throws(JSONValueError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    position += 1
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      position += 1
      return .array([])
    }
    let start = pendingElements.count
    while true {
      pendingElements.append(try parseValue(node: node.flatMap(dropping.element)))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ",")?:
        position += 1
        skipWhitespace()
      case UInt8(ascii: "]")?:
        position += 1
        return .array(pendingElements.take(from: start))
      default: throw error("expected ',' or ']'")
      }
    }
  }

  /// Called on the opening quote; leaves `position` after the closing one.
  private mutating func parseString() throws(JSONValueError) -> String {
    position += 1
    let start = position
    var isASCII = true
    // Fast path: no escapes, so the bytes between the quotes are the string.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = try decodeUTF8(UnsafeBufferPointer(rebasing: bytes[start..<position]), isASCII: isASCII)
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      guard byte >= 0x20 else { throw error("a control character in a string") }
      if byte >= 0x80 { isASCII = false }
      position += 1
    }
    var scratch = Array(bytes[start..<position])
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        return try scratch.withUnsafeBufferPointer { buffer throws(JSONValueError) in
          try decodeUTF8(buffer, isASCII: false)
        }
      case UInt8(ascii: "\\"):
        position += 1
        try appendEscape(to: &scratch)
      case ..<0x20:
        throw error("a control character in a string")
      default:
        // Up to the next quote, escape or control character in one copy: code such as `hog`
        // has an escaped newline every line, and plain runs between them.
        let run = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""),
          bytes[position] != UInt8(ascii: "\\"), bytes[position] >= 0x20
        {
          position += 1
        }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
      }
    }
    throw error("an unterminated string")
  }

  private mutating func appendEscape(to scratch: inout [UInt8]) throws(JSONValueError) {
    guard let escape = current else { throw error("an unterminated string") }
    position += 1
    switch escape {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = UInt32(try parseHex4())
      if (0xD800...0xDBFF).contains(scalar) {
        guard current == UInt8(ascii: "\\"), position + 1 < bytes.count,
          bytes[position + 1] == UInt8(ascii: "u")
        else { throw error("a lone surrogate in \\u escape") }
        position += 2
        let low = UInt32(try parseHex4())
        guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate in \\u escape") }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(scalar) {
        throw error("a lone surrogate in \\u escape")
      }
      guard let unicode = Unicode.Scalar(scalar) else { throw error("an invalid \\u escape") }
      scratch.append(contentsOf: UTF8.encode(unicode)!)
    default:
      throw error("an invalid escape")
    }
  }

  private mutating func parseHex4() throws(JSONValueError) -> UInt16 {
    guard position + 4 <= bytes.count else { throw error("an unterminated \\u escape") }
    var value: UInt16 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case 0x30...0x39: digit = byte - 0x30
      case 0x41...0x46: digit = byte - 0x41 + 10
      case 0x61...0x66: digit = byte - 0x61 + 10
      default: throw error("an invalid \\u escape")
      }
      value = value << 4 | UInt16(digit)
      position += 1
    }
    return value
  }

  /// ASCII needs no validation; anything else must be well-formed UTF-8. Both calls take the
  /// concrete buffer type, which keeps them out of the generic (slow) string initialisers.
  private func decodeUTF8(_ units: UnsafeBufferPointer<UInt8>, isASCII: Bool) throws(JSONValueError) -> String
  {
    if isASCII { return String(decoding: units, as: UTF8.self) }
    guard let text = String(validating: units, as: UTF8.self) else {
      throw error("invalid UTF-8 in a string")
    }
    return text
  }

  private mutating func parseNumber() throws(JSONValueError) -> JSONValue {
    let start = position
    var integer: Int64 = 0
    var digits = 0
    var isInteger = true
    let negative = current == UInt8(ascii: "-")
    if negative { position += 1 }
    guard let first = current, (0x30...0x39).contains(first) else { throw error("a number without digits") }
    if first == 0x30 {
      position += 1
      if let next = current, (0x30...0x39).contains(next) { throw error("a number with a leading zero") }
    } else {
      while let byte = current, (0x30...0x39).contains(byte) {
        if digits < 18 { integer = integer * 10 + Int64(byte - 0x30) }
        digits += 1
        position += 1
      }
    }
    if current == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      guard skipDigits() > 0 else { throw error("a number without digits after '.'") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      isInteger = false
      position += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
      guard skipDigits() > 0 else { throw error("a number without digits in its exponent") }
    }
    if isInteger && digits <= 15 {
      return .number(Double(negative ? -integer : integer))
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else { throw error("a number out of range") }
    return .number(value)
  }

  private mutating func skipDigits() -> Int {
    var count = 0
    while let byte = current, (0x30...0x39).contains(byte) {
      count += 1
      position += 1
    }
    return count
  }
}
