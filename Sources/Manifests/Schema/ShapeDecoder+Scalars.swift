import Foundation
import HogctlJSON

extension ShapeDecoder {
  /// Text, booleans, numbers and enumerations. Text is always the characters written.
  mutating func decodeScalar(_ node: SourceNode, as shape: Shape) -> JSONValue? {
    if node.tag == YAMLTags.env || node.tag == YAMLTags.file {
      guard case .string = shape else { return mismatch(node, expected: expectation(shape)) }
      return resolveTagged(node)
    }
    guard case .scalar(let text, let style) = node.kind,
      node.tag == nil || node.tag == YAMLTags.string || node.tag == YAMLTags.nonSpecific
    else {
      return mismatch(node, expected: expectation(shape))
    }
    let plain = style == .plain && node.tag == nil
    switch shape {
    case .string:
      if plain && node.isNull { return mismatch(node, expected: "text") }
      return .string(text)
    case .boolean:
      if plain && (text == "true" || text == "false") { return .bool(text == "true") }
      let note =
        plain && ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
        ? " (YAML 1.1 reads `\(text)` as a boolean; hogctl does not)" : ""
      report(
        RuleID.invalidBoolean, "'\(path)' must be true or false, not \(node.kindName)\(note)",
        at: at(node))
      return nil
    case .integer(let range, let rangeRule):
      guard plain, let value = ScalarTyping.decimalInteger(text) else {
        if let range, range.lowerBound == range.upperBound {
          report(rangeRule, rangeMessage(path: path, value: node.kindName, range: range), at: at(node))
          return nil
        }
        return mismatch(node, expected: "a whole number")
      }
      if let range, !range.contains(value) {
        report(rangeRule, rangeMessage(path: path, value: text, range: range), at: at(node))
        return nil
      }
      return .number(Double(value))
    case .number(let range):
      guard plain, ScalarTyping.isDecimalFloat(text), let value = Double(text) else {
        return mismatch(node, expected: "a number")
      }
      if let range, !range.contains(value) {
        report(
          RuleID.outOfRange,
          "'\(path)' must be between \(range.lowerBound) and \(range.upperBound), not \(text)",
          at: at(node))
        return nil
      }
      return .number(value)
    case .enumeration(let values):
      guard values.contains(text), !(plain && node.isNull) else {
        report(
          RuleID.invalidEnum,
          "'\(path)' must be one of \(values.joined(separator: ", ")), not \(node.kindName)"
            + DidYouMean.hint(for: text, among: values), at: at(node))
        return nil
      }
      return .string(text)
    default:
      return nil
    }
  }

  private func rangeMessage(path: String, value: String, range: ClosedRange<Int>) -> String {
    if range.lowerBound == range.upperBound {
      return "'\(path)' must be \(range.lowerBound), not \(value)"
    }
    if range.upperBound == Int.max { return "'\(path)' must be at least \(range.lowerBound), not \(value)" }
    return "'\(path)' must be between \(range.lowerBound) and \(range.upperBound), not \(value)"
  }

  private func expectation(_ shape: Shape) -> String {
    switch shape {
    case .string: "text"
    case .boolean: "true or false"
    case .integer: "a whole number"
    case .number: "a number"
    case .enumeration(let values): "one of \(values.joined(separator: ", "))"
    default: "a value"
    }
  }

  /// `text` without surrounding spaces and tabs; Foundation's trimming is only called when
  /// there is something to trim, as it costs more than the rest of reading a `!env` tag (even
  /// reaching `CharacterSet.whitespaces` does, so `isBlank` decides that).
  static func trimmingBlanks(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
      isBlank(first) || isBlank(last)
    else { return text }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// A member of `CharacterSet.whitespaces`: a tab, a space separator (Unicode's Zs), or the
  /// zero-width space, which Foundation still counts (it was Zs in early Unicode).
  static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || scalar == "\t" }
    return scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
  }

  /// The fields that name a function in plans, which must stay printable; nil elsewhere.
  private var identityField: String? {
    let field = path.prefix { $0 != "." && $0 != "[" }
    return ["name", "type", "id", "template_id", "previous_names"].contains(field)
      ? String(field) : nil
  }

  /// `!env NAME` or `!file PATH` as text; failures are reported and yield `nil`.
  mutating func resolveTagged(_ node: SourceNode) -> JSONValue? {
    guard let argument = node.scalarText else {
      report(
        RuleID.wrongType, "\(node.tag ?? "") takes a name or path, not \(node.kindName)", at: at(node))
      return nil
    }
    let trimmed = Self.trimmingBlanks(argument)
    let isEnvironment = node.tag == YAMLTags.env
    if isEnvironment, let field = identityField {
      report(
        RuleID.invalidTag,
        "'\(field)' identifies the function in every plan, so it cannot come from !env (its values are never shown)",
        at: at(node))
      return nil
    }
    let resolution = isEnvironment ? tags.environmentValue(trimmed, usedAt: path) : tags.fileText(trimmed)
    switch resolution {
    case .value(let text):
      if isEnvironment { noteSensitive(text) }
      return .string(text)
    case .placeholder(let text):
      noteUnresolved(trimmed)
      return .string(text)
    case .failure(let rule, let message):
      report(rule, message, at: at(node))
      return nil
    }
  }
}
