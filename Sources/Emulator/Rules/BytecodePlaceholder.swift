import HogctlJSON

/// Stands in for compiled Hog bytecode until the emulator can compile Hog.
///
/// PostHog compiles `hog`, input templates, filters and the masking hash to bytecode of the form
/// `["_H", 1, ...ops]`. The emulator does not compile: it returns
/// `["_H", 1, "placeholder", h0, h1, h2, h3, length]`, where `h0...h3` are the four 16-bit parts
/// of the FNV-1a 64-bit hash of the source's UTF-8 bytes and `length` is its byte count. The same
/// source always gives the same value and different sources almost surely differ, which is all a
/// client may rely on (bytecode is server-derived and never diffed). It cannot be executed.
enum BytecodePlaceholder {
  static let marker = "placeholder"

  static func of(_ source: String) -> JSONValue {
    let hash = fnv1a64(source)
    var parts: [JSONValue] = ["_H", 1, .string(marker)]
    for shift in stride(from: 48, through: 0, by: -16) {
      parts.append(.number(Double((hash >> UInt64(shift)) & 0xFFFF)))
    }
    parts.append(.number(Double(source.utf8.count)))
    return .array(parts)
  }

  /// The placeholder of a template value: strings become bytecode, objects and lists are walked,
  /// other values are kept as they are (PostHog's `generate_template_bytecode` does the same).
  static func template(_ value: JSONValue) -> JSONValue {
    switch value {
    case .string(let text): of(text)
    case .array(let items): .array(items.map(template))
    case .object(let members): .object(members.mapValues(template))
    default: value
    }
  }

  static func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}
