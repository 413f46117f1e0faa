import Foundation
import HogctlJSON
import Hummingbird

/// Response builders for raw JSON values.
enum JSONResponse {
  static func make(_ status: Int, _ body: JSONValue?, headers: HTTPFields = [:]) -> Response {
    var fields = headers
    guard let body else {
      return Response(status: .init(code: status), headers: fields, body: .init())
    }
    fields[.contentType] = "application/json"
    let buffer = ByteBuffer(bytes: body.serializedBytes())
    return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: buffer))
  }

  static func ok(_ body: JSONValue) -> Response { make(200, body) }

  static func error(_ error: EmulatorError, headers: HTTPFields = [:]) -> Response {
    make(error.status, error.body, headers: headers)
  }
}

extension EmulatorError {
  /// 400 `parse_error` for a body that is not JSON.
  static func parseError(_ reason: String) -> EmulatorError {
    EmulatorError(
      status: 400,
      body: [
        "type": "invalid_request", "code": "parse_error",
        "detail": .string("JSON parse error - \(reason)"), "attr": nil,
      ])
  }

  /// 400 `validation_error` that belongs to no field (DRF's non-field errors).
  static func nonField(_ detail: String) -> EmulatorError {
    validation(detail, attr: nil)
  }

  static let serverError = EmulatorError(
    status: 500,
    body: ["type": "server_error", "code": "error", "detail": "A server error occurred.", "attr": nil])

  static let methodNotAllowed = EmulatorError(status: 405, body: nil)
}

extension Request {
  /// The body as a JSON object. An empty body is `{}`; malformed JSON is `parse_error`; JSON
  /// that is not an object is a non-field validation error, as DRF answers it.
  func jsonObject(context: EmulatorRequestContext) async throws -> JSONObject {
    let buffer = try await body.collect(upTo: context.maxUploadSize)
    let data = Data(buffer.readableBytesView)
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [:] }
    let value: JSONValue
    do {
      value = try JSONValue.parse(data)
    } catch {
      throw EmulatorError.parseError("the request body is not valid JSON")
    }
    guard let object = value.objectValue else {
      throw EmulatorError.nonField("Invalid data. Expected a dictionary, but got \(value.typeName).")
    }
    return object
  }

  /// Query parameters, percent-decoded (the last value wins for repeated names).
  var query: [String: String] {
    var result: [String: String] = [:]
    for (key, value) in uri.queryParameters {
      result[String(key)] = String(value)
    }
    return result
  }
}
