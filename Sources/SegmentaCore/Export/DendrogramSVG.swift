/// A ``Dendrogram`` as an SVG document: leaves along the bottom with their labels, merge height up a labelled
/// left axis, one `<path class="merge">` per drawn merge, and a dashed line where the tree was cut.
public enum DendrogramSVG {
  /// Pixels between neighbouring leaves.
  static let leafSpacing = 40.0
  /// Height of the plotting area in pixels.
  static let plotHeight = 320.0
  /// Margins: left for the axis labels, right for the cut's caption, top for the title, bottom below the leaf
  /// labels.
  static let left = 72.0
  static let right = 88.0
  static let top = 56.0
  static let bottom = 16.0

  /// Draws `dendrogram`.
  ///
  /// - Parameters:
  ///   - dendrogram: the layout to draw.
  ///   - title: the first heading line (also the document's `<title>`).
  ///   - subtitle: a second, smaller heading line.
  ///   - leafLabels: per leaf, the lines printed under it (e.g. its rows and its segment).
  ///   - cut: where the tree was cut into segments, with its caption (e.g. `k=4`), if it is to be shown.
  /// - Returns: the SVG document text.
  /// - Complexity: O(p) for p leaves.
  public static func document(
    _ dendrogram: Dendrogram, title: String, subtitle: String, leafLabels: [[String]],
    cut: (height: Double, caption: String)?
  ) -> String {
    precondition(leafLabels.count == dendrogram.leafCount, "one label list per leaf")
    let width = left + right + leafSpacing * Double(dendrogram.leafCount)
    let lines = Double(leafLabels.map(\.count).max() ?? 0)
    var svg = SVGDocument(width: width, height: top + plotHeight + bottom + 14 * (lines + 1), title: title)
    svg.style(
      ".merge { fill: none; stroke: #1f4e79; stroke-width: 1.5; } .axis { stroke: #444; stroke-width: 1; } "
        + ".cut { stroke: #c0392b; stroke-width: 1; stroke-dasharray: 5 4; } text { font-family: sans-serif; "
        + "font-size: 11px; fill: #222; } .title { font-size: 15px; font-weight: bold; } .subtitle { fill: #555; } "
        + ".cut-label { fill: #c0392b; }")
    svg.text(title, at: .init(left, 24), className: "title")
    svg.text(subtitle, at: .init(left, 42), className: "subtitle")

    let maxHeight = dendrogram.nodes.last.map(\.height) ?? 0
    let baseline = top + plotHeight
    let y = { (h: Double) -> Double in maxHeight > 0 ? baseline - h / maxHeight * plotHeight : baseline }
    let x = { (position: Double) -> Double in left + leafSpacing * (position + 0.5) }

    let ticks = AxisTicks(upTo: maxHeight, about: 6)
    svg.line(from: .init(left - 8, baseline), to: .init(left - 8, y(maxHeight)), className: "axis")
    for (value, label) in zip(ticks.values, ticks.labels) {
      svg.line(from: .init(left - 13, y(value)), to: .init(left - 8, y(value)), className: "axis")
      svg.text(label, at: .init(left - 16, y(value) + 4), anchor: .end, className: "tick")
    }
    svg.text("height", at: .init(18, top + plotHeight / 2), anchor: .middle, className: "axis-label", rotation: -90)

    for node in dendrogram.innerNodes {
      guard let children = node.children else { continue }
      let (a, b) = (dendrogram.nodes[children.left], dendrogram.nodes[children.right])
      svg.path(
        [
          .init(x(a.position), y(a.height)), .init(x(a.position), y(node.height)),
          .init(x(b.position), y(node.height)), .init(x(b.position), y(b.height)),
        ], className: "merge")
    }
    for (leaf, labels) in zip(dendrogram.leaves, leafLabels) {
      for (line, label) in labels.enumerated() {
        svg.text(
          label, at: .init(x(leaf.position), baseline + 18 + 14 * Double(line)), anchor: .middle, className: "leaf")
      }
    }
    if let cut, cut.height <= maxHeight {
      svg.line(from: .init(left, y(cut.height)), to: .init(width - right + 8, y(cut.height)), className: "cut")
      svg.text(cut.caption, at: .init(width - right + 12, y(cut.height) + 4), className: "cut-label")
    }
    return svg.rendered()
  }
}
