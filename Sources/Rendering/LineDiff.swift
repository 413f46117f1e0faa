/// A line diff (longest common subsequence) and its unified-diff rendering, for multi-line
/// values such as `hog`.
public enum LineDiff {
  public enum Line: Sendable, Hashable {
    case same(String)
    case removed(String)
    case added(String)
  }

  /// Past this many cells in the LCS table the middle is shown as removed then added, so a huge
  /// rewrite cannot stall a plan.
  static let maximumTableCells = 4_000_000

  public static func diff(_ old: [String], _ new: [String]) -> [Line] {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let oldMiddle = Array(old[prefix..<(old.count - suffix)])
    let newMiddle = Array(new[prefix..<(new.count - suffix)])
    return old[..<prefix].map(Line.same) + middle(oldMiddle, newMiddle)
      + old[(old.count - suffix)...].map(Line.same)
  }

  private static func middle(_ old: [String], _ new: [String]) -> [Line] {
    let rows = old.count + 1
    let columns = new.count + 1
    guard rows * columns <= maximumTableCells else {
      return old.map(Line.removed) + new.map(Line.added)
    }
    // lengths[i * columns + j]: LCS length of old[i...] and new[j...].
    var lengths = [Int32](repeating: 0, count: rows * columns)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
      for j in stride(from: new.count - 1, through: 0, by: -1) {
        lengths[i * columns + j] =
          old[i] == new[j]
          ? lengths[(i + 1) * columns + j + 1] + 1
          : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
      }
    }
    var result: [Line] = []
    var i = 0
    var j = 0
    while i < old.count, j < new.count {
      if old[i] == new[j] {
        result.append(.same(old[i]))
        i += 1
        j += 1
      } else if lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
        result.append(.removed(old[i]))
        i += 1
      } else {
        result.append(.added(new[j]))
        j += 1
      }
    }
    return result + old[i...].map(Line.removed) + new[j...].map(Line.added)
  }

  /// Unified-diff lines (`@@ -a,b +c,d @@` headers, then ` `, `-`, `+` lines) with `context`
  /// unchanged lines around each change. Empty when the texts are equal.
  public static func unified(old: String, new: String, context: Int = 3) -> [String] {
    let lines = diff(split(old), split(new))
    let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
    guard !changed.isEmpty else { return [] }
    var hunks: [ClosedRange<Int>] = []
    for index in changed {
      let range = max(0, index - context)...min(lines.count - 1, index + context)
      if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
        hunks[hunks.count - 1] = last.lowerBound...range.upperBound
      } else {
        hunks.append(range)
      }
    }
    var output: [String] = []
    for hunk in hunks {
      let before = lines[..<hunk.lowerBound]
      let oldStart = before.filter { if case .added = $0 { false } else { true } }.count
      let newStart = before.filter { if case .removed = $0 { false } else { true } }.count
      let body = lines[hunk]
      let oldCount = body.filter { if case .added = $0 { false } else { true } }.count
      let newCount = body.filter { if case .removed = $0 { false } else { true } }.count
      output.append(
        "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@")
      for line in body {
        switch line {
        case .same(let text): output.append(" " + text)
        case .removed(let text): output.append("-" + text)
        case .added(let text): output.append("+" + text)
        }
      }
    }
    return output
  }

  /// `start,count` with 1-based start, as `diff -u` writes it (start is 0 for an empty range).
  private static func range(_ start: Int, _ count: Int) -> String {
    count == 0 ? "\(start),0" : "\(start + 1),\(count)"
  }

  static func split(_ text: String) -> [String] {
    text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }
}
