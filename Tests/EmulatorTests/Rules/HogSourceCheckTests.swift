import HogctlJSON
import Testing

@testable import Emulator

@Suite struct HogSourceCheckTests {
  @Test(arguments: [
    "return event",
    "let x := {'a': [1, 2, (3)]}\nreturn x",
    "print('unbalanced ( in a string')",
    "print(\"quoted identifier ) \")",
    "// a comment with {\nreturn 1",
    "-- a comment with [\nreturn 1",
    "/* block ( comment */ return 1",
    "print('escaped \\' quote (')",
    "print(f'{concat('(', event.event)} done')",
    "fetch(inputs.url, {'headers': inputs.headers, 'body': {'event': event}})",
  ])
  func acceptsCodeThatMayCompile(source: String) {
    #expect(!HogSourceCheck.hasErrors(source))
  }

  @Test(arguments: [
    "fetch(inputs.url, {'method': 'POST'}",
    "return event)",
    "let x := [1, 2}",
    "print('never closed)",
    "/* never closed",
    "print(f'{event.event')",
    "}",
  ])
  func refusesCodeThatCannotCompile(source: String) {
    #expect(HogSourceCheck.hasErrors(source))
  }
}

@Suite struct BytecodePlaceholderTests {
  @Test func deterministicAndDistinct() {
    let first = BytecodePlaceholder.of("return event")
    #expect(first == BytecodePlaceholder.of("return event"))
    #expect(first != BytecodePlaceholder.of("return null"))
    let parts = first.arrayValue ?? []
    #expect(parts.prefix(3) == ["_H", 1, "placeholder"])
    #expect(parts.count == 8)
    #expect(parts.last == 12)
    #expect(parts[3...6].allSatisfy { ($0.intValue ?? -1) >= 0 && ($0.intValue ?? 70_000) <= 0xFFFF })
  }

  @Test func templatesAreWalked() {
    let value = jsonValue(#"{"a": "x", "b": [1, "y"], "c": true}"#)
    #expect(
      BytecodePlaceholder.template(value)
        == .object([
          "a": BytecodePlaceholder.of("x"), "b": [1, BytecodePlaceholder.of("y")], "c": true,
        ]))
  }
}
