import Hog

/// PostHog's compile check for a hog function's `hog`: PostHog answers "Hog code has errors." when
/// its parser refuses the program. The emulator asks hogctl's Hog parser, which accepts and
/// refuses the same programs (docs/hog.md: the differential test against PostHog's parser).
enum HogSourceCheck {
  static func hasErrors(_ source: String) -> Bool {
    if case .failure = HogParser.parseProgram(source) { return true }
    return false
  }
}
