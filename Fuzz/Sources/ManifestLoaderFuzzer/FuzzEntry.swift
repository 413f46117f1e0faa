import Foundation
import ManifestFuzzing
import Manifests

/// `HOGCTL_FUZZ_PRINT=1` prints each input's diagnostics, for replaying an input by hand.
private let printsDiagnostics = ProcessInfo.processInfo.environment["HOGCTL_FUZZ_PRINT"] != nil

/// libFuzzer's entry point: load the manifest directory the bytes describe. A crash, a hang or
/// runaway memory here is a bug; diagnostics, however many, are the expected outcome.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  let loader = ManifestLoader(
    fileSystem: FuzzInput.fileSystem(for: bytes), environment: FuzzInput.environment)
  do {
    let result = try loader.load()
    checkLocations(result)
    if printsDiagnostics {
      for diagnostic in result.diagnostics {
        let place = diagnostic.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
        FileHandle.standardError.write(Data("\(place)\(diagnostic.ruleID): \(diagnostic.message)\n".utf8))
      }
    }
  } catch {
    // Only file system failures are thrown, and the in-memory file system has none.
    fatalError("load() threw for an in-memory directory: \(error)")
  }
  return 0
}

/// Every diagnostic points at a file that was read, inside its text: a position past the end
/// would make the renderer print the wrong source line.
private func checkLocations(_ result: ManifestLoadResult) {
  for diagnostic in result.diagnostics {
    guard let location = diagnostic.location else { continue }
    if location.line < 1 || location.column < 1 {
      fatalError("diagnostic before the start of the file: \(diagnostic)")
    }
    guard let text = result.sources[location.file] else { continue }
    let lines = yamlLineCount(text)
    if location.line > lines {
      fatalError("diagnostic past the last line (\(lines)): \(diagnostic)")
    }
  }
}

/// Lines as libyaml counts them: `\r\n`, `\r`, `\n`, NEL, LS and PS each end a line.
private func yamlLineCount(_ text: String) -> Int {
  var breaks = 0
  var previous: Unicode.Scalar?
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\n": if previous != "\r" { breaks += 1 }
    case "\r", "\u{85}", "\u{2028}", "\u{2029}": breaks += 1
    default: break
    }
    previous = scalar
  }
  return breaks + 1
}
