import Foundation
import HogctlJSON

/// libFuzzer's entry point for the JSON reader, which reads untrusted server answers. A crash, a
/// hang or runaway memory is a bug, and so is a value that does not survive being written and
/// read again: hogctl writes what it read into saved plans and state files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  guard let value = try? JSONValue.parse(data) else { return 0 }
  let written = value.serializedBytes()
  guard let reread = try? JSONValue.parse(Data(written)) else {
    fatalError("hogctl cannot read its own JSON: \(String(decoding: written, as: UTF8.self))")
  }
  if reread != value {
    fatalError("a value changed when written and read again: \(value) became \(reread)")
  }
  if reread.serializedBytes() != written {
    fatalError("writing the same value twice gave different JSON")
  }
  return 0
}
