// libyaml's emitter, through the `CYaml` module Yams builds. Yams' own `Emitter` marks every
// scalar as implicitly typed, which makes libyaml drop scalar tags: `!env NAME` and `!file PATH`
// could not be written. libyaml still does all quoting, escaping and block formatting here.
import CYaml
import Foundation

/// Writes `YAMLNode` documents as YAML text.
enum YAMLEmitter {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// One document, without `---` or `...` markers, ending in a newline.
  static func emit(_ node: YAMLNode) throws -> String {
    let writer = Writer()
    var emitter = yaml_emitter_t()
    guard yaml_emitter_initialize(&emitter) == 1 else { throw Failure(description: "libyaml: out of memory") }
    defer { yaml_emitter_delete(&emitter) }
    yaml_emitter_set_output(
      &emitter,
      { data, buffer, size in
        guard let data, let buffer else { return 0 }
        Unmanaged<Writer>.fromOpaque(data).takeUnretainedValue().bytes.append(buffer, count: size)
        return 1
      }, Unmanaged.passUnretained(writer).toOpaque())
    yaml_emitter_set_unicode(&emitter, 1)
    yaml_emitter_set_width(&emitter, -1)
    yaml_emitter_set_indent(&emitter, 2)
    let session = Session(emitter: &emitter)
    var event = yaml_event_t()
    yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
    try session.emit(&event)
    yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
    try session.emit(&event)
    try session.node(node)
    yaml_document_end_event_initialize(&event, 1)
    try session.emit(&event)
    yaml_stream_end_event_initialize(&event)
    try session.emit(&event)
    let text = String(decoding: writer.bytes, as: UTF8.self)
    // libyaml leaves the line of a final plain scalar open.
    return text.hasSuffix("\n") ? text : text + "\n"
  }

  private final class Writer {
    var bytes = Data()
  }

  private struct Session {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>

    init(emitter: UnsafeMutablePointer<yaml_emitter_t>) { self.emitter = emitter }

    func emit(_ event: inout yaml_event_t) throws {
      guard yaml_emitter_emit(emitter, &event) == 1 else {
        let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
        throw Failure(description: "libyaml could not write the document: \(problem)")
      }
    }

    func node(_ node: YAMLNode) throws {
      var event = yaml_event_t()
      switch node {
      case .scalar(let text, let style, let tag):
        let implicit: Int32 = tag == nil ? 1 : 0
        // NUL-terminated, so an empty text still has an address; libyaml copies the bytes.
        let value = Array(text.utf8) + [0]
        let initialized = withOptionalTag(tag) { tag in
          value.withUnsafeBufferPointer { value in
            yaml_scalar_event_initialize(
              &event, nil, tag, value.baseAddress, Int32(value.count - 1), implicit, implicit,
              scalarStyle(style))
          }
        }
        guard initialized == 1 else { throw Failure(description: "libyaml refused a scalar") }
        try emit(&event)
      case .sequence(let items, let flow):
        yaml_sequence_start_event_initialize(
          &event, nil, nil, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)
        try emit(&event)
        for item in items { try self.node(item) }
        yaml_sequence_end_event_initialize(&event)
        try emit(&event)
      case .mapping(let pairs, let flow, let tag):
        _ = withOptionalTag(tag) { tag in
          yaml_mapping_start_event_initialize(
            &event, nil, tag, tag == nil ? 1 : 0, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE)
        }
        try emit(&event)
        for pair in pairs {
          try self.node(.text(pair.key))
          try self.node(pair.value)
        }
        yaml_mapping_end_event_initialize(&event)
        try emit(&event)
      }
    }

    private func scalarStyle(_ style: YAMLNode.ScalarStyle) -> yaml_scalar_style_t {
      switch style {
      case .plain: YAML_PLAIN_SCALAR_STYLE
      case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
      case .literal: YAML_LITERAL_SCALAR_STYLE
      }
    }

    private func withOptionalTag<T>(_ tag: String?, _ body: (UnsafePointer<UInt8>?) -> T) -> T {
      guard let tag else { return body(nil) }
      let bytes = Array(tag.utf8) + [0]
      return bytes.withUnsafeBufferPointer { body($0.baseAddress) }
    }
  }
}
