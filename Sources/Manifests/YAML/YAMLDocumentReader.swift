import Foundation

/// Turns a file's bytes into YAML documents, or diagnostics when the bytes are not a usable YAML
/// stream (too large, not UTF-8, bad syntax, duplicate keys, too many alias expansions).
struct YAMLDocumentReader {
  /// Files above this size are refused before they are parsed.
  static let maximumFileSize = 10 * 1024 * 1024

  struct Output {
    var documents: [SourceNode] = []
    /// The decoded text, kept for rendering source lines; `nil` when the bytes were refused.
    var text: String?
    var diagnostics: [Diagnostic] = []
  }

  var file: String

  func tooLarge(size: Int) -> Diagnostic {
    Diagnostic(
      severity: .error, ruleID: RuleID.fileTooLarge,
      message:
        "file is \(size) bytes; manifests are limited to \(Self.maximumFileSize) bytes (10 MB) and it was not parsed",
      location: ManifestLocation(file: file, line: 1, column: 1))
  }

  func read(_ data: Data) -> Output {
    guard let text = String(validating: data, as: UTF8.self) else {
      return Output(diagnostics: [invalidUTF8(data)])
    }
    return read(text: Self.withoutByteOrderMark(text))
  }

  static func withoutByteOrderMark(_ text: String) -> String {
    text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
  }

  /// Reads text already checked as UTF-8, without a byte-order mark (`Output.text`).
  func read(text: String) -> Output {
    var text = text  // `withUTF8` may move the text into contiguous memory first
    var output = Output(text: text)
    if let risky = AliasKeyGuard.firstRiskyKey(in: text) {
      output.diagnostics.append(
        Diagnostic(
          severity: .error, ruleID: RuleID.aliasLimit,
          message:
            "this file uses YAML aliases, and a mapping key here is an alias, a `?` key or a list/mapping; "
            + "such keys can expand without bound, so the file was not read",
          location: ManifestLocation(file: file, line: risky.line, column: risky.column)))
      return output
    }
    let end = YAMLErrorMapping(file: file, text: text).unterminatedEnd
    var failure: LibYAMLEventStream.Failure?
    // libyaml reads the text in place: everything is composed before the closure returns.
    let (documents, diagnostics) = text.withUTF8 { bytes in
      var composer = YAMLComposer(file: file, events: LibYAMLEventStream(bytes: bytes, endOfText: end))
      do throws(LibYAMLEventStream.Failure) {
        try composer.composeStream()
      } catch {
        failure = error
      }
      return (composer.documents, composer.diagnostics)
    }
    output.documents = documents
    output.diagnostics += diagnostics
    if let failure {
      output.diagnostics.append(YAMLErrorMapping(file: file, text: text).diagnostic(for: failure))
    }
    return output
  }

  /// Points at the first byte that is not UTF-8.
  private func invalidUTF8(_ data: Data) -> Diagnostic {
    var line = 1
    var column = 1
    var iterator = data.makeIterator()
    var decoder = UTF8()
    var offset = 0
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput, .error:
        break decoding
      }
    }
    return Diagnostic(
      severity: .error, ruleID: RuleID.invalidUTF8,
      message: "the file is not valid UTF-8 (first bad byte at offset \(offset)); save it as UTF-8",
      location: ManifestLocation(file: file, line: line, column: column))
  }
}
