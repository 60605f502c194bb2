import SegmentaCore

/// A ``Dendrogram`` in box-drawing characters: one line per leaf (its label columns on the left), merge height
/// growing to the right, a height axis below, all within a given width.
///
/// Columns are proportional to height, except that a merge is always at least one column right of its children
/// so that nesting stays readable; the axis gives the scale.
enum DendrogramText {
  /// Line directions meeting in one character cell.
  private struct Cell: OptionSet {
    let rawValue: UInt8
    static let up = Cell(rawValue: 1)
    static let down = Cell(rawValue: 2)
    static let left = Cell(rawValue: 4)
    static let right = Cell(rawValue: 8)
  }

  /// The drawing as lines no wider than `width`.
  ///
  /// - Parameters:
  ///   - dendrogram: the layout.
  ///   - header: the titles of the label columns.
  ///   - leafColumns: per leaf, the cells of the label columns (right-aligned).
  ///   - width: the total width (`set width`).
  static func render(_ dendrogram: Dendrogram, header: [String], leafColumns: [[String]], width: Int) -> [String] {
    precondition(leafColumns.count == dendrogram.leafCount, "one label row per leaf")
    let widths = header.indices.map { j in ([header[j]] + leafColumns.map { $0[j] }).map(\.count).max() ?? 0 }
    let labelWidth = widths.reduce(0, +) + 2 * max(widths.count - 1, 0)
    let treeWidth = max(width - labelWidth - 1, 10)
    let maxHeight = dendrogram.nodes.last.map(\.height) ?? 0
    let (columns, scale) = nodeColumns(dendrogram, width: treeWidth, maxHeight: maxHeight)

    var grid = [[Cell]](repeating: [Cell](repeating: [], count: treeWidth), count: dendrogram.leafCount)
    let row = { (node: Int) -> Int in Int(dendrogram.nodes[node].position.rounded(.down)) }
    for leaf in 0..<dendrogram.leafCount { grid[leaf][0].formUnion([.left, .right]) }
    for (offset, node) in dendrogram.innerNodes.enumerated() {
      guard let children = node.children else { continue }
      let column = columns[dendrogram.leafCount + offset]
      for child in [children.left, children.right] {
        let (r, start) = (row(child), columns[child])
        grid[r][start].insert(.right)
        for c in (start + 1)..<max(column, start + 1) { grid[r][c].formUnion([.left, .right]) }
        grid[r][column].insert(.left)
      }
      let (top, bottom) = (row(children.left), row(children.right))
      grid[top][column].insert(.down)
      for r in (top + 1)..<max(bottom, top + 1) { grid[r][column].formUnion([.up, .down]) }
      grid[bottom][column].insert(.up)
    }

    let pad = { (text: String, width: Int) in String(repeating: " ", count: max(width - text.count, 0)) + text }
    let labels = { (cells: [String]) in
      zip(cells, widths).map { pad($0, $1) }.joined(separator: "  ")
    }
    var lines = [labels(header).trimmingTrailingSpaces()]
    for leaf in 0..<dendrogram.leafCount {
      lines.append(labels(leafColumns[leaf]) + " " + String(grid[leaf].map(character)).trimmingTrailingSpaces())
    }
    lines += axis(maxHeight: maxHeight, scale: scale, width: treeWidth, indent: labelWidth + 1)
    return lines
  }

  /// Each node's column: proportional to its height over `scale` − 1 columns, at least one right of its children.
  /// The scale shrinks until the root fits in `width`; returns the columns and the scale used.
  private static func nodeColumns(_ dendrogram: Dendrogram, width: Int, maxHeight: Double) -> ([Int], Int) {
    var scale = width
    while true {
      var columns = [Int](repeating: 0, count: dendrogram.nodes.count)
      for (index, node) in dendrogram.nodes.enumerated() {
        guard let children = node.children else { continue }
        let proportional = maxHeight > 0 ? Int((node.height / maxHeight * Double(scale - 1)).rounded()) : 0
        columns[index] = max(proportional, columns[children.left] + 1, columns[children.right] + 1)
      }
      if (columns.max() ?? 0) < width || scale <= 1 { return (columns.map { min($0, width - 1) }, max(scale, 1)) }
      scale -= 1
    }
  }

  /// The height axis: a rule with ticks under the tree and the tick labels, centred where they fit.
  private static func axis(maxHeight: Double, scale: Int, width: Int, indent: Int) -> [String] {
    let ticks = AxisTicks(upTo: maxHeight, about: max(width / 12, 2))
    var rule = [Character](repeating: "─", count: width)
    var text = [Character](repeating: " ", count: width + 8)
    var free = 0
    for (value, label) in zip(ticks.values, ticks.labels) {
      let column = maxHeight > 0 ? Int((value / maxHeight * Double(scale - 1)).rounded()) : 0
      guard column < width else { continue }
      rule[column] = "┴"
      let start = min(max(column - label.count / 2, free), width - label.count)
      if start < free || start < 0 { continue }
      for (i, ch) in label.enumerated() { text[start + i] = ch }
      free = start + label.count + 1
    }
    if free + 6 <= width { for (i, ch) in "height".enumerated() { text[width - 6 + i] = ch } }
    let margin = String(repeating: " ", count: indent)
    return [margin + String(rule), (margin + String(text)).trimmingTrailingSpaces()]
  }

  private static func character(_ cell: Cell) -> Character {
    switch cell.rawValue {
    case 0: " "
    case Cell.up.rawValue, Cell.down.rawValue, Cell([.up, .down]).rawValue: "│"
    case Cell.left.rawValue, Cell.right.rawValue, Cell([.left, .right]).rawValue: "─"
    case Cell([.down, .right]).rawValue: "┌"
    case Cell([.down, .left]).rawValue: "┐"
    case Cell([.up, .right]).rawValue: "└"
    case Cell([.up, .left]).rawValue: "┘"
    case Cell([.up, .down, .right]).rawValue: "├"
    case Cell([.up, .down, .left]).rawValue: "┤"
    case Cell([.down, .left, .right]).rawValue: "┬"
    case Cell([.up, .left, .right]).rawValue: "┴"
    default: "┼"
    }
  }
}
