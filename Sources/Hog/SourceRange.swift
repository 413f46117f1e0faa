/// A place in Hog source: 1-based line and column, columns counted in Unicode scalars (characters
/// as an editor shows them for almost all text), plus the scalar offset from the start.
public struct HogPosition: Sendable, Hashable, CustomStringConvertible {
  public var offset: Int
  public var line: Int
  public var column: Int

  public var description: String { "\(line):\(column)" }
}

/// A half-open range of scalar offsets in Hog source.
public struct HogRange: Sendable, Hashable {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }
}

/// Turns scalar offsets into line:column positions. Line breaks are `\n`, `\r\n` and a lone `\r`,
/// the same three PostHog's lexer ends a `//` comment at.
struct LineTable: Sendable {
  private var lineStarts: [Int] = [0]

  init(_ scalars: [Unicode.Scalar]) {
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\r" {
        if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
        lineStarts.append(index + 1)
      } else if scalar == "\n" {
        lineStarts.append(index + 1)
      }
      index += 1
    }
  }

  func position(_ offset: Int) -> HogPosition {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return HogPosition(offset: offset, line: low + 1, column: offset - lineStarts[low] + 1)
  }
}
