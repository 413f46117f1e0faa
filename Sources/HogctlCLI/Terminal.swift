import Foundation
import PostHogAPI

/// The CLI's only contact with the terminal: where output goes and whether it may be coloured.
/// Everything written passes through `redactor`, so no sensitive value reaches any output.
enum Terminal {
  static func output(_ text: String) {
    FileHandle.standardOutput.write(Data(redacted(text).utf8))
  }

  static func error(_ line: String) {
    let text = redacted(line)
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Hides `values` in everything written from now on (`[redacted]` for the API key,
  /// `(sensitive)` for the others).
  static func protect(values: [String], apiKey: String? = nil) {
    sensitive.withLock { redactor in
      if let apiKey { redactor = Redactor(apiKey: apiKey).adding(secrets: redactor.values) }
      redactor = redactor.adding(secrets: values)
    }
  }

  /// `text` with every protected value hidden; also for files hogctl writes (reports).
  static func redacted(_ text: String) -> String {
    sensitive.withLock { $0 }.redact(text)
  }

  private static let sensitive = LockedRedactor()

  static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  /// Colour only on a terminal, and never with NO_COLOR set (https://no-color.org) or --no-color.
  static func useColor(disabledByFlag: Bool) -> Bool {
    !disabledByFlag && standardOutputIsTerminal
      && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
  }
}

/// The process's redactor, read by every thread that writes output.
private final class LockedRedactor: @unchecked Sendable {
  private let lock = NSLock()
  private var redactor = Redactor()

  func withLock<Result>(_ body: (inout Redactor) -> Result) -> Result {
    lock.withLock { body(&redactor) }
  }
}
