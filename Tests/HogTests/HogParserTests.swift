import Testing

@testable import Hog

@Suite struct HogParserTests {
  static let accepted = [
    "let x := 1",
    "fn add(a, b) { return a + b }",
    "fun greet(name) { print(f'hello {name}!') }",
    "let d := {'a': 1, 'b': [1, 2, (3, 4)], 'c': {}}",
    "for (let k, v in d) { print(k, v) }",
    "for (let x in [1, 2]) print(x)",
    "for (let i := 0; i < 3; i := i + 1) { }",
    "while (true) { break_loop() }",
    "try { throw Error('x') } catch (e: Error) { print(e) } finally { print(1) }",
    "let f := (a, b) -> a * b\nlet g := x -> { return x }",
    "let y := event?.properties?.['$browser'] ?? 'unknown'",
    "let z := a.b.c[1].d",
    "let s := f'outer {f'inner {1 + 2}'}'",
    // PostHog's lenient readings: a call of a function named `if`, then a block; `and` as a name.
    "if () { return 1 }",
    "add(a, b) { return a + b }",
    "1 and and 2",
    "let x := 0x",
    "let x := 1 /* abc",
    "let x := a\u{00A0}+\u{2028}b\u{FEFF}",
    "x[] := 1",
    "return 'it''s' between let and a",
    // PostHog's parser ends an expression early when the rest only parses that way.
    "let y := a\n(b) := 2",
    "if (x) {\n  event := 1\n} + else {\n  x := 1\n}",
    "for (let x in y) {\n`name`\n} := 1",
  ]

  @Test(arguments: accepted)
  func acceptsWhatPostHogAccepts(_ source: String) {
    if case .failure(let error) = HogParser.parseProgram(source) {
      Issue.record("rejected \(source.debugDescription): \(error)")
    }
  }

  static let rejected: [(source: String, line: Int, column: Int, message: String)] = [
    ("/* abc", 1, 1, "expected a statement, found '/'"),
    ("let é := 1", 1, 5, "unexpected character U+00E9"),
    ("print(1", 1, 8, "expected ')' to close '(' opened at 1:6, found the end of the input"),
    (
      "let a := 1\nlet b := (2 +\n  3", 3, 4,
      "expected ')' to close '(' opened at 2:10, found the end of the input"
    ),
    ("return 1 +", 1, 11, "expected a number after '+'"),
    ("let x := }", 1, 10, "unmatched '}'"),
    ("throw", 1, 6, "expected a value to throw, found the end of the input"),
    ("let x := 'abc", 1, 10, "expected an expression, found '''"),
    ("if (x) {\n  print(1)\n", 3, 1, "expected '}' to close '{' opened at 1:8, found the end of the input"),
  ]

  @Test(arguments: rejected)
  func rejectsWithPlainWordsAndPosition(_ example: (source: String, line: Int, column: Int, message: String))
  {
    guard case .failure(let error) = HogParser.parseProgram(example.source) else {
      Issue.record("accepted \(example.source.debugDescription)")
      return
    }
    #expect(error.position.line == example.line)
    #expect(error.position.column == example.column)
    #expect(error.message == example.message)
  }

  @Test func refusesNestingDeeperThanPostHog() {
    let nested = { (levels: Int) in
      "let x := " + String(repeating: "[", count: levels) + "1" + String(repeating: "]", count: levels)
    }
    #expect((try? HogParser.parseProgram(nested(1000)).get()) != nil)
    guard case .failure(let error) = HogParser.parseProgram(nested(1001)) else {
      Issue.record("accepted 1,001 levels of brackets")
      return
    }
    #expect(error.message == "input too deeply nested")
    #expect(error.position.column == 10 + 1000)
  }

  @Test func survivesDeepRecursionWithoutBrackets() {
    let program = "let x := " + String(repeating: "not ", count: 20_000) + "a"
    guard case .failure(let error) = HogParser.parseProgram(program) else {
      Issue.record("accepted 20,000 nested 'not'")
      return
    }
    #expect(error.message == "input too deeply nested")
  }

  @Test func parsesLongFlatChainsInLinearTime() {
    let chain = Array(repeating: "1", count: 20_000).joined(separator: " + ")
    #expect((try? HogParser.parseProgram("return " + chain).get()) != nil)
  }

  @Test func buildsAnASTWithSourceRanges() throws {
    let program = try HogParser.parseProgram("let x := f(1)\nreturn x").get()
    #expect(program.children.map(\.kind) == [.letDeclaration, .returnStatement])
    let call = program.children[0].children[1]
    #expect(call.kind == .call)
    #expect(call.range == HogRange(9, 13))
    #expect(call.children[0].text == "f")
  }

  @Test func parsesTemplates() throws {
    #expect((try? HogParser.parseTemplate("Hello {person.name}, \\{not a hole}").get()) != nil)
    guard case .failure(let error) = HogParser.parseTemplate("line one\nHello {person.name") else {
      Issue.record("accepted an unclosed hole")
      return
    }
    #expect(error.position.line == 2)
    #expect(error.message.hasPrefix("expected '}' to close '{' opened at 2:7"))
  }
}
