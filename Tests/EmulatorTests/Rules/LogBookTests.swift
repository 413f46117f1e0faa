import Foundation
import Testing

@testable import Emulator

@Suite struct LogBookTests {
  let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z

  func book() -> LogBook {
    var book = LogBook()
    book.record(sourceID: "f1", instanceID: "i1", level: "info", message: "Sending request", timestamp: start)
    book.record(
      sourceID: "f1", instanceID: "i1", level: "error", message: "Request FAILED", timestamp: start + 60)
    book.record(
      sourceID: "f1", instanceID: "i2", level: "warn", message: "Slow response", timestamp: start + 120)
    book.record(
      sourceID: "f2", instanceID: "i3", level: "info", message: "Other function", timestamp: start + 180)
    return book
  }

  @Test func newestFirstWithUpperCaseLevels() throws {
    let page = try book().query(sourceID: "f1", parameters: [:])
    #expect(page["count"] == 3)
    #expect(page["next"] == .null)
    #expect(page["previous"] == .null)
    #expect(
      page["results"]?.arrayValue?.first
        == jsonValue(
          #"{"log_source_id": "f1", "instance_id": "i2", "timestamp": "2025-01-01T00:02:00.000Z", "level": "WARN", "message": "Slow response"}"#
        ))
    #expect(
      page["results"]?.arrayValue?.compactMap { $0["level"]?.stringValue } == ["WARN", "ERROR", "INFO"])
  }

  @Test func filters() throws {
    let messages = { (parameters: [String: String]) in
      try book().query(sourceID: "f1", parameters: parameters)["results"]?.arrayValue?.compactMap {
        $0["message"]?.stringValue
      }
    }
    #expect(try messages(["level": "error,Warn"]) == ["Slow response", "Request FAILED"])
    #expect(try messages(["search": "failed"]) == ["Request FAILED"])
    #expect(try messages(["instance_id": "i1"]) == ["Request FAILED", "Sending request"])
    #expect(
      try messages(["after": "2025-01-01T00:01:00Z", "before": "2025-01-01T00:01:30Z"]) == ["Request FAILED"])
  }

  @Test func pagination() throws {
    let page = try book().query(sourceID: "f1", parameters: ["limit": "2"]) { offset, limit in
      "http://host/logs/?limit=\(limit)&offset=\(offset)"
    }
    #expect(page["results"]?.arrayValue?.count == 2)
    #expect(page["next"] == "http://host/logs/?limit=2&offset=2")
    #expect(page["previous"] == .null)
    let second = try book().query(sourceID: "f1", parameters: ["limit": "2", "offset": "2"]) {
      offset, limit in
      "offset=\(offset)"
    }
    #expect(second["next"] == .null)
    #expect(second["previous"] == "offset=0")
  }

  @Test func invalidParameters() {
    expectError(
      #"{"type": "validation_error", "code": "max_value", "detail": "Ensure this value is less than or equal to 500.", "attr": "limit"}"#
    ) { _ = try book().query(sourceID: "f1", parameters: ["limit": "501"]) }
    expectError(
      #"{"type": "validation_error", "code": "min_value", "detail": "Ensure this value is greater than or equal to 1.", "attr": "limit"}"#
    ) { _ = try book().query(sourceID: "f1", parameters: ["limit": "0"]) }
    let error = emulatorError { _ = try book().query(sourceID: "f1", parameters: ["after": "yesterday"]) }
    #expect(error?.body?["attr"] == "after")
  }

  @Test func roundTripsThroughJSON() throws {
    let original = book()
    let data = try JSONEncoder().encode(original)
    #expect(try JSONDecoder().decode(LogBook.self, from: data) == original)
    #expect(String(decoding: data, as: UTF8.self).contains("2025-01-01T00:00:00.000Z"))
  }
}
