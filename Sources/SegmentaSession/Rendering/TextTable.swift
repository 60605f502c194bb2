/// An aligned plain-text table that fits a fixed width, truncating explicitly (never depending on the terminal).
public struct TextTable: Sendable {
  /// Column alignment.
  public enum Alignment: Sendable { case left, right }

  public var header: [String]
  public var alignments: [Alignment]
  public var rows: [[String]] = []
  /// Longer cells are shortened with `…`.
  public var maxCellWidth = 30

  /// A table with the given header; numeric-looking columns are typically right-aligned.
  public init(header: [String], alignments: [Alignment]? = nil) {
    self.header = header
    self.alignments = alignments ?? header.enumerated().map { $0.offset == 0 ? .left : .right }
  }

  /// Appends a row (padded or cut to the header's length).
  public mutating func append(_ row: [String]) {
    rows.append(Array((row + Array(repeating: "", count: max(0, header.count - row.count))).prefix(header.count)))
  }

  /// The table as lines no wider than `width`. Columns that do not fit continue in further blocks below, each
  /// repeating the first column (as R prints wide matrices), so nothing is hidden (columns that are empty
  /// throughout are left out); cells longer than
  /// ``maxCellWidth`` characters are shortened with `…`.
  public func render(width: Int) -> [String] {
    let limit = maxCellWidth
    let cut = { (s: String) -> String in s.count > limit ? String(s.prefix(limit - 1)) + "…" : s }
    let cells = ([header] + rows).map { $0.map(cut) }
    let widths = (0..<header.count).map { j in cells.map { $0[j].count }.max() ?? 0 }
    var blocks: [[Int]] = []
    var current: [Int] = [0]
    var used = widths.first ?? 0
    for j in 1..<max(1, header.count) where widths[j] > 0 {
      if used + 2 + widths[j] > width, current.count > 1 {
        blocks.append(current)
        current = [0]
        used = widths[0]
      }
      current.append(j)
      used += 2 + widths[j]
    }
    blocks.append(current)
    var lines: [String] = []
    for (b, block) in blocks.enumerated() {
      if b > 0 { lines.append("") }
      lines += cells.map { row in
        block.map { j in pad(row[j], widths[j], alignments[j]) }.joined(separator: "  ").trimmingTrailingSpaces()
      }
    }
    return lines
  }

  private func pad(_ s: String, _ width: Int, _ alignment: Alignment) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return alignment == .left ? s + fill : fill + s
  }
}
