/// Terminal colours for plan output; `plain` leaves text as it is (piped output, `NO_COLOR`,
/// `--no-color`).
public struct ANSIStyle: Sendable, Hashable {
  public var enabled: Bool

  public init(enabled: Bool) {
    self.enabled = enabled
  }

  public static let plain = ANSIStyle(enabled: false)
  public static let colored = ANSIStyle(enabled: true)

  func green(_ text: String) -> String { wrap(text, "32") }
  func yellow(_ text: String) -> String { wrap(text, "33") }
  func red(_ text: String) -> String { wrap(text, "31") }
  func cyan(_ text: String) -> String { wrap(text, "36") }
  func magenta(_ text: String) -> String { wrap(text, "35") }
  func bold(_ text: String) -> String { wrap(text, "1") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
