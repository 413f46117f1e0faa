import Foundation

/// Where each decoded value of one document was written, by path (`masking.ttl`,
/// `inputs_schema[0].type`, `inputs.url`), so rules that run on the decoded JSON can still
/// point at file:line:col.
///
/// Recorded on first use: rules look a location up only to report a problem, so for a clean
/// manifest noting every value's path while decoding would be work (a fifth of loading) and
/// memory (a path per value, kept until the rules end) spent for nothing. The index keeps
/// instead what it takes to decode the document again with notes on; the decoder is
/// deterministic, so the second reading notes exactly what the first would have.
final class LocationIndex: @unchecked Sendable {
  /// Where the document starts; known without recording.
  let document: ManifestLocation
  private let record: @Sendable () -> LocationLog
  private let lock = NSLock()
  // Guarded by `lock`; rules look locations up side by side.
  private var recorded: LocationLog?

  init(document: ManifestLocation, record: @escaping @Sendable () -> LocationLog) {
    self.document = document
    self.record = record
  }

  /// Whether a lookup has recorded the locations yet.
  var isRecorded: Bool { lock.withLock { recorded != nil } }

  private var log: LocationLog {
    lock.withLock {
      if let recorded { return recorded }
      let log = record()
      recorded = log
      return log
    }
  }

  var keys: LocationLog.Table { log.keys }
  var values: LocationLog.Table { log.values }

  /// The value's location, else its key's, else the nearest enclosing value's.
  func value(_ path: String) -> ManifestLocation { log.value(path) }

  /// The key's location, else the value's.
  func key(_ path: String) -> ManifestLocation { log.key(path) }

  static func child(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : path + "." + key
  }
}
