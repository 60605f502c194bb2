/// An aligned plain-text table that fits a fixed width, truncating explicitly (never depending on the terminal).
public struct TextTable: Sendable {
  /// Column alignment.
  public enum Alignment: Sendable { case left, right }

  public var header: [String]
  public var alignments: [Alignment]
  public var rows: [[String]] = []

  /// A table with the given header; numeric-looking columns are typically right-aligned.
  public init(header: [String], alignments: [Alignment]? = nil) {
    self.header = header
    self.alignments = alignments ?? header.enumerated().map { $0.offset == 0 ? .left : .right }
  }

  /// Appends a row (padded or cut to the header's length).
  public mutating func append(_ row: [String]) {
    rows.append(Array((row + Array(repeating: "", count: max(0, header.count - row.count))).prefix(header.count)))
  }

  /// The table as lines no wider than `width`: columns that do not fit are dropped from the right and a note
  /// says how many (`… 3 more columns`); cells longer than 30 characters are shortened with `…`.
  public func render(width: Int) -> [String] {
    let cut = { (s: String) -> String in s.count > 30 ? String(s.prefix(29)) + "…" : s }
    let cells = ([header] + rows).map { $0.map(cut) }
    let widths = (0..<header.count).map { j in cells.map { $0[j].count }.max() ?? 0 }
    var shown = 0
    var used = 0
    for w in widths {
      let next = used + (shown == 0 ? 0 : 2) + w
      if next > width, shown > 0 { break }
      used = next
      shown += 1
    }
    var lines = cells.map { row in
      (0..<shown).map { j in pad(row[j], widths[j], alignments[j]) }.joined(separator: "  ")
        .trimmingTrailingSpaces()
    }
    if shown < header.count {
      lines.append("… \(header.count - shown) more column\(header.count - shown == 1 ? "" : "s") (set width to see more)")
    }
    return lines
  }

  private func pad(_ s: String, _ width: Int, _ alignment: Alignment) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return alignment == .left ? s + fill : fill + s
  }
}
