import Reconciler

/// A plan as Terraform-style text: `+` create, `~` update in place, `-` delete, `↕` reorder,
/// `»` broadcast, then the summary line.
public struct PlanTextRenderer: Sendable {
  public var style: ANSIStyle

  public init(style: ANSIStyle = .plain) {
    self.style = style
  }

  public static let noChanges = "No changes. Live PostHog matches the manifests."

  /// `Plan: 2 to create, 1 to update, 0 to delete, 1 to reorder, 1 broadcast.`
  public static func summaryLine(_ summary: PlanSummary) -> String {
    "Plan: \(summary.create) to create, \(summary.update) to update, \(summary.delete) to delete, "
      + "\(summary.reorder) to reorder, \(summary.broadcast) broadcast\(summary.broadcast == 1 ? "" : "s")."
  }

  public func render(_ plan: Plan) -> String {
    var lines: [String] = []
    if plan.actions.isEmpty {
      lines.append(style.bold(style.green(Self.noChanges)))
    } else {
      lines.append("hogctl will perform the following actions:")
      lines.append(
        "  (\(style.green("+")) create, \(style.yellow("~")) update in place, \(style.red("-")) delete, "
          + "\(style.cyan("↕")) reorder, \(style.magenta("»")) broadcast)")
      for action in plan.actions {
        lines.append("")
        lines += block(for: action).map { "  " + $0 }
      }
      lines.append("")
      lines.append(style.bold(Self.summaryLine(plan.summary)))
    }
    for warning in plan.warnings {
      lines.append(style.yellow("Warning: ") + warning)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One action's lines, unindented: a comment saying what happens, then the details.
  func block(for action: PlanAction) -> [String] {
    let title = "\(action.type) \(PlanValueFormatter.quoted(action.name))"
    let because = action.reason.map { " (\($0))" } ?? ""
    switch action.kind {
    case .create:
      return ["# \(title) will be created"] + fields(action, symbol: "+", title: title)
    case .update:
      return ["# \(title) will be updated in place\(because)"] + fields(action, symbol: "~", title: title)
    case .delete:
      return ["# \(title) will be deleted\(because)"] + fields(action, symbol: "-", title: title)
    case .reorder:
      return ["# \(action.type) execution order will change (one rearrange)"] + reorder(action)
    case .broadcast:
      let id = action.id.map(PlanValueFormatter.quoted) ?? "(known after apply)"
      return [
        "# \(title) will receive a broadcast\(because)",
        "\(style.magenta("»")) broadcast \(title) { id = \(id) }",
      ]
    }
  }

  private func fields(_ action: PlanAction, symbol: String, title: String) -> [String] {
    var lines = ["\(colored(symbol)) \(title) {"]
    let width = action.changes.map(\.path.count).max() ?? 0
    if action.kind == .update, let id = action.id {
      lines.append(
        "      \("id".padding(toLength: width, withPad: " ", startingAt: 0)) = \(PlanValueFormatter.quoted(id))"
      )
    }
    for change in action.changes {
      lines += row(change, kind: action.kind, width: width).map { "    " + $0 }
    }
    lines.append("  }")
    return lines
  }

  /// One field: `~ key = before -> after`, or a heredoc holding the value or a unified diff.
  private func row(_ change: FieldChange, kind: PlanAction.Kind, width: Int) -> [String] {
    let symbol: String
    switch (kind, change.before, change.after) {
    case (.create, _, _), (.update, .absent, _): symbol = "+"
    case (.delete, _, _), (.update, _, .absent): symbol = "-"
    default: symbol = "~"
    }
    let key = change.path.padding(toLength: width, withPad: " ", startingAt: 0)
    let head = "\(colored(symbol)) \(key) = "
    let before = PlanValueFormatter.inline(change.before)
    let after = PlanValueFormatter.inline(change.after)
    switch symbol {
    case "+":
      if let after { return [head + after] }
      return heredoc(head, PlanValueFormatter.lines(of: change.after).map { "    " + $0 })
    case "-":
      if let before { return [head + before + " -> null"] }
      return heredoc(head, PlanValueFormatter.lines(of: change.before).map { "    " + $0 })
    default:
      if let before, let after { return [head + before + " -> " + after] }
      let diff = LineDiff.unified(
        old: PlanValueFormatter.lines(of: change.before).joined(separator: "\n"),
        new: PlanValueFormatter.lines(of: change.after).joined(separator: "\n"))
      return heredoc(head, diff.map { "    " + diffLine($0) })
    }
  }

  private func heredoc(_ head: String, _ body: [String]) -> [String] {
    [head + "<<-EOT"] + body + ["  EOT"]
  }

  private func diffLine(_ line: String) -> String {
    switch line.first {
    case "+": style.green(line)
    case "-": style.red(line)
    case "@": style.cyan(line)
    default: line
    }
  }

  private func reorder(_ action: PlanAction) -> [String] {
    let width = action.reorder.map { PlanValueFormatter.quoted($0.name).count }.max() ?? 0
    var lines = ["\(style.cyan("↕")) \(action.type) order {"]
    for entry in action.reorder {
      let name = PlanValueFormatter.quoted(entry.name).padding(toLength: width, withPad: " ", startingAt: 0)
      let before = entry.before.map(String.init) ?? "null"
      lines.append("    \(colored("~")) \(name) \(before) -> \(entry.after)")
    }
    lines.append("  }")
    return lines
  }

  private func colored(_ symbol: String) -> String {
    switch symbol {
    case "+": style.green(symbol)
    case "-": style.red(symbol)
    case "~": style.yellow(symbol)
    default: symbol
    }
  }
}
