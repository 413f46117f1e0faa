/// A cheap stand-in for compiling Hog: it finds code that certainly cannot compile, and accepts
/// everything else.
///
/// The emulator has no Hog parser yet. This scanner walks the source once, skipping string
/// literals (`'...'` with `\` escapes), quoted identifiers (`"..."`, `` `...` ``) and comments
/// (`//` and `--` to the end of the line, `/* ... */`); inside template strings (`f'...'`) the
/// `{...}` parts are scanned as code. It rejects the source when a bracket `()[]{}` is closed
/// without being opened, closed by the wrong kind, or left open, or when a string, quoted
/// identifier or block comment never ends. Each of those is a parse error in any Hog program, so
/// no valid program is refused; many invalid programs (bad operators, unknown functions) pass.
enum HogSourceCheck {
  static func hasErrors(_ source: String) -> Bool {
    var scanner = Scanner(scalars: Array(source.unicodeScalars))
    return !scanner.code(closer: nil)
  }

  private struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0

    func peek(_ offset: Int) -> Unicode.Scalar? {
      index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// Scans code until `closer` (consumed) or the end; `false` on any error.
    mutating func code(closer: Unicode.Scalar?) -> Bool {
      let closers: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "[": "]", "{": "}"]
      while index < scalars.count {
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "f" where peek(0) == "'":
          index += 1
          guard template() else { return false }
        case "'", "\"", "`":
          guard literal(quote: scalar) else { return false }
        case "/" where peek(0) == "/", "-" where peek(0) == "-":
          while index < scalars.count, scalars[index] != "\n" { index += 1 }
        case "/" where peek(0) == "*":
          index += 1
          while index < scalars.count, !(scalars[index] == "*" && peek(1) == "/") { index += 1 }
          guard index < scalars.count else { return false }
          index += 2
        case "(", "[", "{":
          guard code(closer: closers[scalar]) else { return false }
        case ")", "]", "}":
          return scalar == closer
        default:
          break
        }
      }
      return closer == nil
    }

    /// Skips a literal whose opening quote was consumed; `false` when it never ends.
    mutating func literal(quote: Unicode.Scalar) -> Bool {
      while index < scalars.count {
        let scalar = scalars[index]
        index += scalar == "\\" ? 2 : 1
        if scalar == quote { return true }
      }
      return false
    }

    /// Skips a template string `f'...'` (opening quote consumed), scanning `{...}` as code.
    mutating func template() -> Bool {
      while index < scalars.count {
        let scalar = scalars[index]
        index += scalar == "\\" ? 2 : 1
        if scalar == "'" { return true }
        if scalar == "{", !code(closer: "}") { return false }
      }
      return false
    }
  }
}
