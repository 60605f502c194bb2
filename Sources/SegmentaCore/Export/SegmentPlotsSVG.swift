/// SVG documents of segment plots for slides, drawn in a ``PlotFrame``: scatter on principal components, segment
/// sizes, silhouettes, profiles and the elbow of a sweep. Segments are named as given (their names or numbers).
public enum SegmentPlotsSVG {
  /// The rows as dots on PC1/PC2 coloured by segment, each segment's centre labelled, a legend with sizes.
  ///
  /// - Parameters:
  ///   - rows: the rows to draw (e.g. ``ScatterLayout/drawnRows(limit:)``).
  ///   - names: segment names, `0..<k`; `sizes` their sizes.
  /// - Complexity: O(rows + k).
  public static func scatter(
    _ layout: ScatterLayout, rows: [Int], names: [String], sizes: [Int], title: String, subtitle: String
  ) -> String {
    let xs = rows.map { layout.x[$0] }
    let ys = rows.map { layout.y[$0] }
    let frame = PlotFrame(
      x: PlotFrame.padded(xs.min() ?? 0, xs.max() ?? 1), y: PlotFrame.padded(ys.min() ?? 0, ys.max() ?? 1),
      right: 190)
    var svg = PlotFrame.canvas(title: title, subtitle: subtitle, segments: names.count)
    svg.style(".dot { fill-opacity: 0.55; stroke: none; } .centre { stroke: #fff; stroke-width: 2; }")
    frame.drawAxes(
      &svg, xLabel: "PC1 (\(percent(layout.explained.first)) of the variance)",
      yLabel: "PC2 (\(percent(layout.explained.second)) of the variance)")
    for i in rows {
      let s = Int(layout.labels[i])
      svg.circle(
        at: .init(frame.x(layout.x[i]), frame.y(layout.y[i])), radius: 2.6,
        className: s >= 0 ? "dot s\(s)" : "dot noise")
    }
    for (s, centre) in layout.centres.enumerated() where !centre.x.isNaN {
      let point = SVGDocument.Point(frame.x(centre.x), frame.y(centre.y))
      svg.circle(at: point, radius: 9, className: "centre s\(s)")
      svg.text(names[s], at: .init(point.x + 12, point.y - 8), className: "centre-label")
    }
    legend(&svg, names: names, values: sizes.map { "\($0)" }, left: frame.left + frame.width + 24, top: frame.top)
    return svg.rendered()
  }

  /// Horizontal bars of segment sizes with counts and shares.
  ///
  /// - Complexity: O(k).
  public static func sizes(names: [String], sizes: [Int], title: String, subtitle: String) -> String {
    let total = max(1, sizes.reduce(0, +))
    let largest = Double(sizes.max() ?? 1)
    let frame = PlotFrame(x: 0...(largest * 1.18), y: 0...Double(max(names.count, 1)), left: 170, bottom: 70)
    var svg = PlotFrame.canvas(title: title, subtitle: subtitle, segments: names.count)
    let rowHeight = frame.height / Double(max(names.count, 1))
    frame.drawAxes(&svg, xLabel: "customers", yLabel: "", yTicks: [])
    for (s, size) in sizes.enumerated() {
      let top = frame.top + rowHeight * Double(s) + rowHeight * 0.15
      svg.rect(
        x: frame.x(0), y: top, width: frame.x(Double(size)) - frame.x(0), height: rowHeight * 0.7, className: "s\(s)")
      svg.text(names[s], at: .init(frame.left - 10, top + rowHeight * 0.35 + 5), anchor: .end, className: "name")
      svg.text(
        "\(size) (\(percent(Double(size) / Double(total))))",
        at: .init(frame.x(Double(size)) + 8, top + rowHeight * 0.35 + 5), className: "value")
    }
    return svg.rendered()
  }

  /// The silhouette plot (Rousseeuw 1987): per segment its members' silhouettes sorted from high to low as bars,
  /// segments stacked, a dashed line at the mean. `values[s]` are segment s's silhouettes (any order).
  ///
  /// - Complexity: O(n log n); at most `maxBars` bars (members binned when more).
  public static func silhouette(
    values: [[Double]], names: [String], mean: Double, title: String, subtitle: String, maxBars: Int = 600
  ) -> String {
    let all = values.flatMap { $0 }
    let low = min(0, all.min() ?? 0)
    let frame = PlotFrame(x: PlotFrame.padded(low, 1, by: 0.02), y: 0...1, left: 150)
    var svg = PlotFrame.canvas(title: title, subtitle: subtitle, segments: names.count)
    frame.drawAxes(&svg, xLabel: "silhouette (−1 … 1, higher = fits its segment better)", yLabel: "", yTicks: [])
    let total = max(1, all.count)
    let gap = 6.0
    let usable = frame.height - gap * Double(max(names.count - 1, 0))
    var top = frame.top
    for (s, segment) in values.enumerated() {
      let sorted = segment.sorted(by: >)
      let height = usable * Double(sorted.count) / Double(total)
      let bars = max(1, min(sorted.count, maxBars * sorted.count / total))
      let barHeight = height / Double(bars)
      for b in 0..<bars {
        let slice = sorted[(b * sorted.count / bars)..<((b + 1) * sorted.count / bars)]
        let v = slice.isEmpty ? 0 : slice.reduce(0, +) / Double(slice.count)
        svg.rect(
          x: min(frame.x(0), frame.x(v)), y: top + Double(b) * barHeight, width: abs(frame.x(v) - frame.x(0)),
          height: barHeight, className: "s\(s)")
      }
      svg.text(names[s], at: .init(frame.left - 10, top + height / 2 + 5), anchor: .end, className: "name")
      top += height + gap
    }
    svg.line(from: .init(frame.x(0), frame.top), to: .init(frame.x(0), frame.top + frame.height), className: "axis")
    svg.line(
      from: .init(frame.x(mean), frame.top), to: .init(frame.x(mean), frame.top + frame.height), className: "mark")
    svg.text(
      "mean \(SVGDocument.number(mean))", at: .init(frame.x(mean) + 6, frame.top - 8), className: "mark-label")
    return svg.rendered()
  }

  /// A heat map of standardised differences: one row per feature, one column per segment, blue below the whole,
  /// red above, the value in each cell (colour saturates at ±2 sd).
  ///
  /// - Parameter differences: per feature, its differences per segment.
  /// - Complexity: O(features × k).
  public static func profile(
    features: [String], names: [String], differences: [[Double]], title: String, subtitle: String
  ) -> String {
    let frame = PlotFrame(x: 0...Double(max(names.count, 1)), y: 0...Double(max(features.count, 1)), left: 230)
    var svg = PlotFrame.canvas(title: title, subtitle: subtitle, segments: names.count)
    svg.style(".cell-value { font-size: 13px; } .cell { stroke: #fff; stroke-width: 2; }")
    let cellWidth = frame.width / Double(max(names.count, 1))
    let cellHeight = frame.height / Double(max(features.count, 1))
    for (f, feature) in features.enumerated() {
      let top = frame.top + cellHeight * Double(f)
      svg.text(feature, at: .init(frame.left - 10, top + cellHeight / 2 + 5), anchor: .end, className: "name")
      for s in names.indices {
        let d = differences[f][s]
        svg.rect(
          x: frame.left + cellWidth * Double(s), y: top, width: cellWidth, height: cellHeight, className: "cell",
          fill: divergingColour(d))
        svg.text(
          d.isNaN ? "–" : (d > 0 ? "+" : "") + SVGDocument.number(d),
          at: .init(frame.left + cellWidth * (Double(s) + 0.5), top + cellHeight / 2 + 5), anchor: .middle,
          className: "cell-value")
      }
    }
    for (s, name) in names.enumerated() {
      svg.text(
        name, at: .init(frame.left + cellWidth * (Double(s) + 0.5), frame.top + frame.height + 22), anchor: .middle,
        className: "name")
    }
    return svg.rendered()
  }

  /// The elbow plot of a sweep: within sum of squares against k, the elbow (Kneedle) marked.
  ///
  /// - Complexity: O(|ks|).
  public static func elbow(ks: [Int], withinSS: [Double], knee: Int?, title: String, subtitle: String) -> String {
    let frame = PlotFrame(
      x: PlotFrame.padded(Double(ks.first ?? 1), Double(ks.last ?? 2), by: 0.04), y: 0...((withinSS.max() ?? 1) * 1.08))
    var svg = PlotFrame.canvas(title: title, subtitle: subtitle, segments: 1)
    svg.style(".curve { fill: none; stroke: #0072B2; stroke-width: 2.5; }")
    frame.drawAxes(
      &svg, xLabel: "number of segments k", yLabel: "within-segment sum of squares",
      xTicks: ks.map { (Double($0), String($0)) })
    let points = zip(ks, withinSS).map { SVGDocument.Point(frame.x(Double($0)), frame.y($1)) }
    svg.path(points, className: "curve")
    for point in points { svg.circle(at: point, radius: 4.5, className: "s0") }
    if let knee {
      let point = points[knee]
      svg.line(from: .init(point.x, frame.top), to: .init(point.x, frame.top + frame.height), className: "mark")
      svg.text("elbow: k = \(ks[knee])", at: .init(point.x + 8, frame.top + 16), className: "mark-label")
    }
    return svg.rendered()
  }

  /// A legend of segment colours with names and values.
  private static func legend(_ svg: inout SVGDocument, names: [String], values: [String], left: Double, top: Double) {
    for (s, name) in names.enumerated() {
      let y = top + 24 * Double(s)
      svg.rect(x: left, y: y, width: 14, height: 14, className: "s\(s)")
      svg.text("\(name) (\(values[s]))", at: .init(left + 22, y + 12), className: "legend")
    }
  }

  /// Blue (below) to white to red (above), saturating at ±2.
  static func divergingColour(_ d: Double) -> String {
    guard !d.isNaN else { return "#eeeeee" }
    let t = max(-1, min(1, d / 2))
    let (r, g, b) = t < 0 ? (1 + t * 0.8, 1 + t * 0.55, 1.0) : (1.0, 1 - t * 0.6, 1 - t * 0.7)
    func hex(_ v: Double) -> String {
      let n = Int((v * 255).rounded())
      let digits = "0123456789abcdef".map { $0 }
      return String([digits[n / 16], digits[n % 16]])
    }
    return "#" + hex(r) + hex(g) + hex(b)
  }

  private static func percent(_ share: Double) -> String { SVGDocument.number(share * 100) + "%" }
}
