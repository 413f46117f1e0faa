/// A series as one line of block characters, scaled to its own maximum: a zero is the lowest
/// block, any count above zero at least the second, so a single failure stays visible.
enum Sparkline {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  static func render(_ values: [Double]) -> String {
    let maximum = values.max() ?? 0
    return String(
      values.map { value -> Character in
        guard maximum > 0, value > 0 else { return blocks[0] }
        let level = Int((value / maximum * Double(blocks.count - 1)).rounded(.up))
        return blocks[min(blocks.count - 1, max(1, level))]
      })
  }
}
