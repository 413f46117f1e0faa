import ArgumentParser
import Foundation
import Hog

/// `hogctl hog …`: tools for the Hog language itself.
struct HogCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hog",
    abstract: "Work with Hog code directly.",
    subcommands: [HogParseCommand.self])
}

/// `hogctl hog parse [FILE|-] [--template] [--jsonl]`: checks Hog syntax and answers in JSON.
struct HogParseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Check the syntax of a Hog program or template and report the result as JSON.",
    discussion: """
      Prints {"ok":true} or {"ok":false,"line":L,"column":C,"message":"…"}; columns count characters. \
      Exit codes: 0 the code parses, 1 a syntax error or an unreadable file, 64 bad usage. \
      With --jsonl, reads one JSON object per line ({"source":"…","template":false}) and answers \
      one line each, exiting 0 whatever the answers; this is how the differential test against \
      PostHog's parser calls hogctl.
      """)

  @Argument(help: "The file to read, or - for standard input.")
  var file = "-"

  @Flag(help: "Parse a template string (text with {expression} holes, as in inputs with templating: hog).")
  var template = false

  @Flag(help: "Read JSON lines of {\"source\", \"template\"} and answer one JSON line each.")
  var jsonl = false

  func run() async throws {
    let data: Data
    do {
      data =
        file == "-"
        ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      throw ValidationError("cannot read \(file): \(error.localizedDescription)")
    }
    let text = String(decoding: data, as: UTF8.self)
    if jsonl {
      var output = ""
      for line in text.split(whereSeparator: \.isNewline) where !line.isEmpty {
        let request = try JSONDecoder().decode(HogParseRequest.self, from: Data(line.utf8))
        output += HogParseAnswer(request.source, template: request.template ?? false).json + "\n"
      }
      FileHandle.standardOutput.write(Data(output.utf8))
      return
    }
    let answer = HogParseAnswer(text, template: template)
    print(answer.json)
    if !answer.ok { throw ExitCode.failure }
  }
}

struct HogParseRequest: Decodable {
  var source: String
  var template: Bool?
}

struct HogParseAnswer: Encodable {
  var ok: Bool
  var line: Int?
  var column: Int?
  var message: String?

  init(_ source: String, template: Bool) {
    switch template ? HogParser.parseTemplate(source) : HogParser.parseProgram(source) {
    case .success: ok = true
    case .failure(let error):
      ok = false
      line = error.position.line
      column = error.position.column
      message = error.message
    }
  }

  var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
  }
}
