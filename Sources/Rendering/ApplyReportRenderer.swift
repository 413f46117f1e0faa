import Foundation
import Reconciler

/// An apply report as text (progress lines and the closing account) or JSON.
public enum ApplyReportRenderer {
  static let symbols: [PlanAction.Kind: String] = [
    .create: "+", .update: "~", .delete: "-", .reorder: "↕", .broadcast: "»",
  ]

  /// One line for a finished action, e.g. `✓ + create "Slack" (id 0193…) 120 ms`.
  public static func progressLine(_ entry: ApplyReport.Entry) -> String {
    let mark =
      switch entry.outcome {
      case .succeeded: "✓"
      case .failed: "✗"
      case .notAttempted: "·"
      case .outcomeUnknown: "?"
      case .skipped: "–"
      }
    var line = "\(mark) \(symbols[entry.kind] ?? "") \(entry.kind.rawValue) \(subject(entry))"
    if let id = entry.id, entry.kind != .reorder { line += " (id \(id))" }
    line += " \(entry.milliseconds) ms"
    if let message = entry.message { line += ": \(message)" }
    return line
  }

  public static func text(_ report: ApplyReport) -> String {
    var lines: [String] = []
    if report.succeeded {
      let done = { (kind: PlanAction.Kind) in report.entries.count { $0.kind == kind } }
      lines.append(
        "Apply complete: \(done(.create)) created, \(done(.update)) updated, \(done(.delete)) deleted, "
          + "\(done(.reorder)) reordered, \(done(.broadcast)) broadcast.")
      // Notes worth reading even on success, e.g. a duplicate another apply made and this one removed.
      for entry in report.entries {
        guard let message = entry.message else { continue }
        lines.append("  \(symbols[entry.kind] ?? "") \(entry.kind.rawValue) \(subject(entry)): \(message)")
      }
      return lines.joined(separator: "\n") + "\n"
    }
    lines.append(
      "Apply failed: \(report.count(.succeeded)) succeeded, \(report.count(.failed)) failed, "
        + "\(report.count(.notAttempted)) not attempted, \(report.count(.outcomeUnknown)) outcome unknown.")
    for (title, outcome) in [
      ("Succeeded", ApplyReport.Outcome.succeeded), ("Failed", .failed),
      ("Outcome unknown (not repeated)", .outcomeUnknown), ("Not attempted", .notAttempted),
      ("Skipped (done by another apply)", .skipped),
    ] {
      let entries = report.entries.filter { $0.outcome == outcome }
      guard !entries.isEmpty else { continue }
      lines.append("\(title):")
      for entry in entries {
        var line = "  \(symbols[entry.kind] ?? "") \(entry.kind.rawValue) \(subject(entry))"
        if let message = entry.message { line += ": \(message)" }
        if let field = entry.field { line += " [field \(field)]" }
        lines.append(line)
      }
    }
    lines.append("Fix what failed and run apply again: it plans afresh from the live state and converges.")
    return lines.joined(separator: "\n") + "\n"
  }

  public static func json(_ report: ApplyReport) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(report), as: UTF8.self)
  }

  private static func subject(_ entry: ApplyReport.Entry) -> String {
    entry.kind == .reorder ? "\(entry.type) execution order" : "\"\(entry.name)\""
  }
}
