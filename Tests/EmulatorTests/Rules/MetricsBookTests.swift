import Foundation
import Testing

@testable import Emulator

@Suite struct MetricsBookTests {
  // 2025-01-08T12:30:00Z, a Wednesday.
  let now = Date(timeIntervalSince1970: 1_736_339_400)
  let day = 86_400.0

  func book() -> MetricsBook {
    var book = MetricsBook()
    book.record(sourceID: "f1", kind: "success", name: "succeeded", count: 10, timestamp: now - 6 * day)
    book.record(sourceID: "f1", kind: "success", name: "succeeded", count: 3, timestamp: now - 60)
    book.record(sourceID: "f1", kind: "failure", name: "failed", count: 2, timestamp: now - 2 * day)
    book.record(sourceID: "f1", kind: "other", name: "filtered", count: 4, timestamp: now - 2 * day)
    book.record(sourceID: "f1", kind: "success", name: "succeeded", count: 100, timestamp: now - 30 * day)
    book.record(sourceID: "f2", kind: "success", name: "succeeded", count: 7, timestamp: now - 60)
    return book
  }

  @Test func dailyBucketsCoverTheRangeWithZeros() throws {
    let result = try book().series(sourceID: "f1", parameters: [:], now: now)
    #expect(
      result["labels"]
        == jsonValue(
          #"["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05", "2025-01-06", "2025-01-07", "2025-01-08"]"#
        ))
    #expect(
      result["series"]
        == jsonValue(
          #"""
          [{"name": "failure", "values": [0, 0, 0, 0, 0, 2, 0, 0]},
           {"name": "other", "values": [0, 0, 0, 0, 0, 4, 0, 0]},
           {"name": "success", "values": [0, 10, 0, 0, 0, 0, 0, 3]}]
          """#))
  }

  @Test func hourlyBucketsAndBreakdownByName() throws {
    let result = try book().series(
      sourceID: "f1",
      parameters: ["after": "-3h", "interval": "hour", "breakdown_by": "name", "name": "succeeded,failed"],
      now: now)
    #expect(
      result["labels"]
        == jsonValue(#"["2025-01-08T09:00", "2025-01-08T10:00", "2025-01-08T11:00", "2025-01-08T12:00"]"#))
    #expect(result["series"] == jsonValue(#"[{"name": "succeeded", "values": [0, 0, 0, 3]}]"#))
  }

  @Test func weeklyBucketsStartOnMonday() throws {
    let result = try book().series(
      sourceID: "f1",
      parameters: [
        "after": "2024-12-20", "before": "2025-01-08T23:00:00Z", "interval": "week", "kind": "success",
      ],
      now: now)
    #expect(result["labels"] == jsonValue(#"["2024-12-16", "2024-12-23", "2024-12-30", "2025-01-06"]"#))
    #expect(result["series"] == jsonValue(#"[{"name": "success", "values": [0, 0, 10, 3]}]"#))
  }

  @Test func totals() throws {
    #expect(
      try book().totals(sourceID: "f1", parameters: [:], now: now)
        == jsonValue(#"{"totals": {"success": 113, "failure": 2, "other": 4}}"#))
    #expect(
      try book().totals(sourceID: "f1", parameters: ["after": "-7d", "breakdown_by": "name"], now: now)
        == jsonValue(#"{"totals": {"succeeded": 13, "failed": 2, "filtered": 4}}"#))
    #expect(try book().totals(sourceID: "none", parameters: [:], now: now) == jsonValue(#"{"totals": {}}"#))
  }

  @Test func invalidParameters() {
    expectError(
      #"{"type": "validation_error", "code": "invalid_choice", "detail": "\"month\" is not a valid choice.", "attr": "interval"}"#
    ) { _ = try book().series(sourceID: "f1", parameters: ["interval": "month"], now: now) }
    expectError(
      #"{"type": "validation_error", "code": "invalid_choice", "detail": "\"team\" is not a valid choice.", "attr": "breakdown_by"}"#
    ) { _ = try book().totals(sourceID: "f1", parameters: ["breakdown_by": "team"], now: now) }
    #expect(
      emulatorError { _ = try book().series(sourceID: "f1", parameters: ["before": "soon"], now: now) }?
        .body?["attr"] == "before")
    #expect(
      emulatorError {
        _ = try book().series(
          sourceID: "f1", parameters: ["after": "1990-01-01", "interval": "hour"], now: now)
      }?
      .status == 400)
  }

  @Test func roundTripsThroughJSON() throws {
    let original = book()
    #expect(try JSONDecoder().decode(MetricsBook.self, from: JSONEncoder().encode(original)) == original)
  }
}
