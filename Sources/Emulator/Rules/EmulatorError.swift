import HogctlJSON

/// An HTTP error the emulator answers with: a status and the raw JSON body PostHog would send
/// (`{"type","code","detail","attr"}` for most endpoints; other shapes where the spec says so).
/// A `nil` body means an empty response body (DELETE's 405).
struct EmulatorError: Error, Sendable, Equatable {
  var status: Int
  var body: JSONValue?

  init(status: Int, body: JSONValue?) {
    self.status = status
    self.body = body
  }

  /// 400 `validation_error` for one field; `attr` is the `__`-joined path, `nil` for none.
  static func validation(_ detail: String, attr: String?, code: String = "invalid_input") -> Self {
    EmulatorError(
      status: 400,
      body: [
        "type": "validation_error", "code": .string(code), "detail": .string(detail),
        "attr": attr.map(JSONValue.string) ?? .null,
      ])
  }

  static let notFound = EmulatorError(
    status: 404,
    body: ["type": "invalid_request", "code": "not_found", "detail": "Not found.", "attr": nil])
}
