import Foundation

/// The CLI's only contact with the terminal: where output goes and whether it may be coloured.
enum Terminal {
  static func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
  }

  static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  /// Colour only on a terminal, and never with NO_COLOR set (https://no-color.org) or --no-color.
  static func useColor(disabledByFlag: Bool) -> Bool {
    !disabledByFlag && standardOutputIsTerminal
      && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
  }
}
