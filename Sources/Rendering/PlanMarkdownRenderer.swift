import Reconciler

/// A plan as Markdown for a pull-request comment: the summary, a table of actions, and each
/// action's details in a collapsible `<details>` block. Kept under GitHub's comment limit: when
/// the whole plan does not fit, the blocks that do are kept and a note says how many were cut.
public struct PlanMarkdownRenderer: Sendable {
  /// GitHub refuses comments over 65,536 characters; this leaves room for a wrapper.
  public var limit: Int

  public init(limit: Int = 65_000) {
    self.limit = limit
  }

  public func render(_ plan: Plan) -> String {
    var head = ["### hogctl plan", ""]
    if plan.actions.isEmpty {
      head.append("**\(PlanTextRenderer.noChanges)**")
    } else {
      head.append("**\(PlanTextRenderer.summaryLine(plan.summary))**")
    }
    head += plan.warnings.map { "> ⚠️ " + escape($0) }.flatMap { ["", $0] }
    var output = head.joined(separator: "\n") + "\n"
    guard !plan.actions.isEmpty else { return output }

    let parts =
      [["", "| | Action | Type | Function |", "|---|---|---|---|"].joined(separator: "\n") + "\n"]
      + plan.actions.map(row) + [""] + plan.actions.map(details)
    let reserve = characters(cutNote(firstMissing: 0, actions: plan.actions.count)) + 20
    for (index, part) in parts.enumerated() {
      guard characters(output) + characters(part) + reserve <= limit else {
        return output + cutNote(firstMissing: index, actions: plan.actions.count)
      }
      output += part
    }
    return output
  }

  /// Says what was left out, given the index of the first part that was not added (parts: the
  /// table head, one row per action, a blank, one details block per action).
  private func cutNote(firstMissing: Int, actions: Int) -> String {
    let what =
      firstMissing <= actions + 1
      ? "the table stops after \(max(0, firstMissing - 1)) of \(actions) actions and no details are shown"
      : "the details of \(actions - (firstMissing - actions - 2)) of \(actions) actions are not shown"
    return "\n> **Output cut** to stay under \(limit) characters: \(what). "
      + "Run `hogctl plan` for the whole plan.\n"
  }

  private func row(_ action: PlanAction) -> String {
    let function = action.kind == .reorder ? "(execution order)" : escape(action.name)
    return "| \(symbol(action.kind)) | \(action.kind.rawValue) | \(action.type) | \(function) |\n"
  }

  private func details(_ action: PlanAction) -> String {
    let block = PlanTextRenderer(style: .plain).block(for: action)
    let body = Array(block.dropFirst())
    let fence = String(repeating: "`", count: max(3, longestBacktickRun(body) + 1))
    let summary = "<code>\(symbol(action.kind))</code> \(escape(String(block[0].dropFirst(2))))"
    return
      (["", "<details><summary>\(summary)</summary>", "", fence + "diff"] + body + [fence, "", "</details>"])
      .joined(separator: "\n") + "\n"
  }

  private func symbol(_ kind: PlanAction.Kind) -> String {
    switch kind {
    case .create: "+"
    case .update: "~"
    case .delete: "-"
    case .reorder: "↕"
    case .broadcast: "»"
    }
  }

  /// Names are user text: keep them from breaking the table or opening HTML.
  private func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "|": result += "\\|"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "&": result += "&amp;"
      case "\n": result += " "
      default: result.append(character)
      }
    }
    return result
  }

  private func longestBacktickRun(_ lines: [String]) -> Int {
    var longest = 0
    for line in lines {
      var run = 0
      for character in line {
        run = character == "`" ? run + 1 : 0
        longest = max(longest, run)
      }
    }
    return longest
  }

  /// GitHub counts characters; UTF-16 units are never fewer, so the limit holds either way.
  private func characters(_ text: String) -> Int { text.utf16.count }
}
