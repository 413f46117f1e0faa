extension Parser {
  /// `f'text {expression} text'`.
  mutating func templateString() throws -> HogNode {
    let start = advance()
    var parts: [HogNode] = []
    while true {
      if let part = try templatePart() {
        parts.append(part)
        continue
      }
      switch kind {
      case .quote:
        advance()
        return HogNode(.template, range(from: start), children: parts)
      default:
        throw failure(
          "expected \"'\" to close the template string opened at \(lines.position(start.start)), found \(describe(current))"
        )
      }
    }
  }

  /// A whole template: text with `{expression}` holes up to the end of the input.
  mutating func fullTemplate() throws -> HogNode {
    let start = current
    var parts: [HogNode] = []
    while kind != .eof {
      guard let part = try templatePart() else { throw unexpected("text or '{'") }
      parts.append(part)
    }
    return HogNode(.template, HogRange(start.start, current.end), children: parts)
  }

  /// Text, or an expression in braces, inside a template; nil at anything else.
  private mutating func templatePart() throws -> HogNode? {
    switch kind {
    case .stringText:
      let token = advance()
      return HogNode(.templateText, HogRange(token.start, token.end))
    case .stringTrigger:
      let open = advance()
      let value = try expression()
      _ = try expectClosing(.rbrace, "}", opener: open)
      return value
    default:
      return nil
    }
  }

  /// `<name attr="x" attr={expr} />` or `<name …>children</name>`.
  mutating func tagElement() throws -> HogNode {
    let open = advance()
    let name = try identifier("a tag name after '<'")
    var children: [HogNode] = [name]
    while current.isIdentifier {
      let attributeStart = current
      let attributeName = try identifier()
      var parts = [attributeName]
      if accept(.eqSingle) != nil {
        if kind == .string {
          let token = advance()
          parts.append(HogNode(.string, HogRange(token.start, token.end)))
        } else if kind == .templateStart {
          parts.append(try templateString())
        } else if let brace = accept(.lbrace) {
          parts.append(try expression())
          _ = try expectClosing(.rbrace, "}", opener: brace)
        } else {
          throw unexpected("a string or '{' after '='")
        }
      }
      children.append(HogNode(.attribute, range(from: attributeStart), children: parts))
    }
    if accept(.slashGt) != nil { return HogNode(.tag, range(from: open), children: children) }
    guard accept(.gt) != nil else { throw unexpected("'>' or '/>' to end the tag") }
    while kind != .ltSlash {
      switch kind {
      case .lt: children.append(try tagElement())
      case .tagText:
        let token = advance()
        children.append(HogNode(.tagText, HogRange(token.start, token.end)))
      case .lbrace:
        let brace = advance()
        children.append(try expression())
        _ = try expectClosing(.rbrace, "}", opener: brace)
      default:
        throw unexpected("'</\(name.text ?? "")>' to close the tag opened at \(lines.position(open.start))")
      }
    }
    advance()
    _ = try identifier("the tag name after '</'")
    _ = try expect(.gt, "'>'")
    return HogNode(.tag, range(from: open), children: children)
  }
}
