import Foundation
import HogctlJSON
import Testing

@testable import Emulator

/// Parses a JSON object literal written in a test.
func json(_ text: String) -> JSONObject {
  guard case .object(let object) = try! JSONValue.parse(text) else { fatalError("not an object: \(text)") }
  return object
}

func jsonValue(_ text: String) -> JSONValue { try! JSONValue.parse(text) }

/// Runs `body` and returns the `EmulatorError` it throws (a test failure when it does not).
func emulatorError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation)
  -> EmulatorError?
{
  do {
    try body()
    Issue.record("expected an EmulatorError", sourceLocation: sourceLocation)
  } catch let error as EmulatorError {
    return error
  } catch {
    Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
  }
  return nil
}

/// Expects a 400 whose body equals `expected` (raw JSON text).
func expectError(
  _ expected: String, status: Int = 400, sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () throws -> Void
) {
  let error = emulatorError(body, sourceLocation: sourceLocation)
  #expect(error?.status == status, sourceLocation: sourceLocation)
  #expect(error?.body == jsonValue(expected), sourceLocation: sourceLocation)
}

let rules = HogFunctionRules()

/// A minimal valid create body plus `extra` fields.
func createBody(_ extra: String = "{}") -> JSONObject {
  json(#"{"name": "Hook", "hog": "print('hi')"}"#).merging(json(extra)) { _, new in new }
}
