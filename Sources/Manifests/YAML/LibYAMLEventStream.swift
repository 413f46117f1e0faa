// libyaml's events through Yams' `CYaml` module, not Yams' `Parser`, whose finished tree has no
// count of alias copies to budget and reports a duplicate key by name without its position.
import CYaml

/// libyaml's event parser over UTF-8 bytes. The bytes must stay alive, unmoved, for as long as
/// the stream is used.
final class LibYAMLEventStream {
  /// libyaml refused the text; positions are 1-based, as an editor shows them.
  struct Failure: Error {
    enum Position {
      /// A reader problem (such as a control character), at this byte of the text.
      case byteOffset(Int)
      case mark(line: Int, column: Int)
    }

    var problem: String
    var position: Position
    /// What libyaml was reading when it failed, such as "while parsing a block mapping".
    var context: (text: String, line: Int, column: Int)?
  }

  private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
  private var holdsEvent = false
  /// The end of a text without a final line break. libyaml places what it reads at the very end
  /// of such a text (an error, or the empty value after a last `? key`) on the line after the
  /// last one; every position reported here is kept inside the text instead.
  private let endOfText: (line: Int, column: Int)?

  init(bytes: UnsafeBufferPointer<UInt8>, endOfText: (line: Int, column: Int)?) {
    self.endOfText = endOfText
    yaml_parser_initialize(parser)
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
  }

  deinit {
    if holdsEvent { yaml_event_delete(event) }
    yaml_parser_delete(parser)
    parser.deallocate()
    event.deallocate()
  }

  /// The event `advance()` read last.
  var current: yaml_event_t { event.pointee }
  var type: yaml_event_type_t { event.pointee.type }

  /// Where the current event starts, 1-based.
  var line: Int { start.line }
  var column: Int { start.column }

  private var start: (line: Int, column: Int) {
    inside(event.pointee.start_mark)
  }

  /// A libyaml mark as an editor shows it (1-based), moved back to the end of the text when
  /// libyaml placed it past the last line.
  private func inside(_ mark: yaml_mark_t) -> (line: Int, column: Int) {
    let (line, column) = (Int(mark.line) + 1, Int(mark.column) + 1)
    if let end = endOfText, line > end.line { return end }
    return (line, column)
  }

  /// Reads the next event; the previous one is released.
  @discardableResult
  func advance() throws(Failure) -> yaml_event_type_t {
    if holdsEvent {
      yaml_event_delete(event)
      holdsEvent = false
    }
    guard yaml_parser_parse(parser, event) == 1 else { throw failure() }
    holdsEvent = true
    return event.pointee.type
  }

  private func failure() -> Failure {
    let state = parser.pointee
    let problem = state.problem.map { String(cString: $0) } ?? "the YAML parser failed"
    let context = state.context.map {
      (String(cString: $0), inside(state.context_mark).line, inside(state.context_mark).column)
    }
    if state.error == YAML_READER_ERROR {
      return Failure(problem: problem, position: .byteOffset(state.problem_offset), context: nil)
    }
    let (line, column) = inside(state.problem_mark)
    return Failure(problem: problem, position: .mark(line: line, column: column), context: context)
  }
}

extension LibYAMLEventStream {
  /// Text from libyaml, which hands out UTF-8 (the input was checked to be UTF-8 beforehand).
  static func string(_ pointer: UnsafePointer<UInt8>?, length: Int) -> String {
    guard let pointer else { return "" }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
  }

  static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }
}
