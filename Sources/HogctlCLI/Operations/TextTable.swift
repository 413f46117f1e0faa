/// Left-aligned columns separated by two spaces, for the tables the operating commands print.
struct TextTable {
  var headers: [String]
  var rows: [[String]]

  func render() -> String {
    var widths = headers.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { index, cell in
        index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }
      return padded.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
    }
    return ([line(headers)] + rows.map(line)).joined()
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
