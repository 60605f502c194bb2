import SegmentaCore

/// Segment plots for the terminal, fitting a width: braille scatter, block bars, a silhouette plot, a profile of
/// arrows and the elbow of a sweep. Every plot says what its marks mean below it.
enum SegmentPlotsText {
  /// A marker per segment: its name when every name is one character, else 1…9, a…z, A…Z by position.
  static func markers(_ names: [String]) -> [Character] {
    if names.allSatisfy({ $0.count == 1 }), Set(names).count == names.count { return names.compactMap(\.first) }
    let symbols = Array("123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return names.indices.map { $0 < symbols.count ? symbols[$0] : "+" }
  }

  /// The rows on PC1/PC2 with axes and their ranges. With `dots`, every customer is a braille dot and each
  /// segment's centre its marker; otherwise every occupied character cell shows the marker of the segment most of
  /// its customers belong to (ties → the lower segment), so the segments' regions show.
  static func scatter(
    _ layout: ScatterLayout, names: [String], sizes: [Int], dots: Bool, format: NumberFormat, width: Int
  ) -> [String] {
    let labelWidth = 9
    let columns = max(10, width - labelWidth - 1)
    let rows = max(6, min(24, columns / 3))
    let (x0, x1) = (layout.x.min() ?? 0, layout.x.max() ?? 1)
    let (y0, y1) = (layout.y.min() ?? 0, layout.y.max() ?? 1)
    let scale = { (v: Double, low: Double, high: Double) in high > low ? (v - low) / (high - low) : 0.5 }
    let marks = markers(names)
    var canvas = BrailleCanvas(columns: columns, rows: rows)
    if dots {
      for i in layout.x.indices { canvas.plot(x: scale(layout.x[i], x0, x1), y: scale(layout.y[i], y0, y1)) }
      for (s, centre) in layout.centres.enumerated() where !centre.x.isNaN {
        canvas.label(x: scale(centre.x, x0, x1), y: scale(centre.y, y0, y1), marks[s])
      }
    } else {
      let k = names.count
      var counts = [Int](repeating: 0, count: columns * rows * (k + 1))
      for i in layout.x.indices {
        let column = min(columns - 1, Int(scale(layout.x[i], x0, x1) * Double(columns)))
        let row = min(rows - 1, Int((1 - scale(layout.y[i], y0, y1)) * Double(rows)))
        let s = layout.labels[i] >= 0 ? Int(layout.labels[i]) : k
        counts[(row * columns + column) * (k + 1) + s] += 1
      }
      for cell in 0..<(columns * rows) {
        let slice = counts[(cell * (k + 1))..<((cell + 1) * (k + 1))]
        guard let top = slice.max(), top > 0, let winner = slice.firstIndex(of: top) else { continue }
        let s = winner - cell * (k + 1)
        canvas.label(
          x: (Double(cell % columns) + 0.5) / Double(columns), y: 1 - (Double(cell / columns) + 0.5) / Double(rows),
          s < k ? marks[s] : "·")
      }
    }
    let pad = { (s: String) in String(repeating: " ", count: max(0, labelWidth - s.count)) + s }
    var lines = canvas.lines(blank: dots ? nil : " ").enumerated().map { row, line in
      (row == 0 ? pad(format.format(y1)) : row == rows - 1 ? pad(format.format(y0)) : pad("")) + "│" + line
    }
    lines.append(pad("") + "└" + String(repeating: "─", count: columns))
    let low = format.format(x0)
    let high = format.format(x1)
    lines.append(
      String(repeating: " ", count: labelWidth + 1) + low
        + String(repeating: " ", count: max(1, columns - low.count - high.count)) + high)
    let legend = zip(marks, zip(names, sizes)).map { "\($0) = \($1.0) (\(NumberFormat.grouped($1.1)))" }
    lines += Prose.wrap(
      "x: PC1 (\(NumberFormat.percent(layout.explained.first)) of the variance), y: PC2 "
        + "(\(NumberFormat.percent(layout.explained.second))); "
        + (dots
          ? "each dot marks one or more customers, the segments' centres are marked: "
          : "each character is the segment most customers at that spot belong to: ")
        + legend.joined(separator: ", ") + (layout.labels.contains(-1) && !dots ? ", · = noise" : ""),
      width: width)
    return lines
  }

  /// Horizontal bars of segment sizes with counts and shares.
  static func sizes(names: [String], sizes: [Int], width: Int) -> [String] {
    let total = max(1, sizes.reduce(0, +))
    let nameWidth = min(20, names.map(\.count).max() ?? 1)
    let numbers = sizes.map { "\(NumberFormat.grouped($0))  \(NumberFormat.percent(Double($0) / Double(total)))" }
    let numberWidth = numbers.map(\.count).max() ?? 0
    let barWidth = max(5, width - nameWidth - numberWidth - 4)
    let largest = Double(max(1, sizes.max() ?? 1))
    return names.indices.map { s in
      let name = String(names[s].prefix(nameWidth))
      let bar = StatisticText.bar(Double(sizes[s]) / largest, width: barWidth)
      return name + String(repeating: " ", count: nameWidth - name.count) + "  " + bar
        + String(repeating: " ", count: barWidth - bar.count + 2) + numbers[s]
    }
  }

  /// The silhouette plot: per segment its members sorted from high to low in a few rows (each row the mean of its
  /// members), bars from a zero axis, negative ones to the left.
  static func silhouette(values: [[Double]], names: [String], mean: Double, format: NumberFormat, width: Int)
    -> [String]
  {
    let nameWidth = min(20, names.map(\.count).max() ?? 1)
    let all = values.flatMap { $0 }
    let low = min(0, all.min() ?? 0)
    let span = max(1e-9, 1 - low)
    let plotWidth = max(10, width - nameWidth - 3)
    let zero = Int((-low / span * Double(plotWidth)).rounded())
    let total = max(1, all.count)
    var lines: [String] = []
    for (s, segment) in values.enumerated() {
      let sorted = segment.sorted(by: >)
      let count = max(1, min(sorted.count, Int((24 * Double(sorted.count) / Double(total)).rounded())))
      for r in 0..<count {
        let slice = sorted[(r * sorted.count / count)..<((r + 1) * sorted.count / count)]
        let v = slice.isEmpty ? 0 : slice.reduce(0, +) / Double(slice.count)
        let cells = Int((abs(v) / span * Double(plotWidth)).rounded())
        let left =
          v < 0
          ? String(repeating: " ", count: max(0, zero - cells)) + String(repeating: "█", count: min(zero, cells))
          : String(repeating: " ", count: zero)
        let right = v > 0 ? StatisticText.bar(v, width: plotWidth - zero) : ""
        let name = r == 0 ? String(names[s].prefix(nameWidth)) : ""
        lines.append(name + String(repeating: " ", count: nameWidth - name.count) + " " + left + "│" + right)
      }
    }
    lines += Prose.wrap(
      "silhouette from \(format.format(low)) to 1 (│ = 0); members sorted from high to low, each row the mean of "
        + "its customers; mean silhouette \(format.format(mean))",
      width: width)
    return lines
  }

  /// Standardised differences as arrows: ▲▲▲ / ▼▼▼ at 0.8 sd and beyond, ▲▲ / ▼▼ from 0.5, ▲ / ▼ from 0.2, · closer.
  static func profile(features: [String], names: [String], differences: [[Double]], width: Int) -> [String] {
    var table = TextTable(header: ["feature"] + names, alignments: [.left] + names.map { _ in .left })
    for (f, feature) in features.enumerated() {
      table.append(
        [feature]
          + differences[f].map { d in
            guard !d.isNaN else { return "–" }
            let level = abs(d) >= 0.8 ? 3 : abs(d) >= 0.5 ? 2 : abs(d) >= 0.2 ? 1 : 0
            return level == 0 ? "·" : String(repeating: d > 0 ? "▲" : "▼", count: level)
          })
    }
    return table.render(width: width)
      + Prose.wrap(
        "▲ above and ▼ below the whole by (segment mean − overall mean) ÷ overall sd: one arrow from 0.2, two from "
          + "0.5, three from 0.8; · within ±0.2",
        width: width)
  }

  /// The within sum of squares of a sweep as bars per k, the elbow marked.
  static func elbow(ks: [Int], withinSS: [Double], knee: Int?, format: NumberFormat, width: Int) -> [String] {
    let values = withinSS.map(format.format)
    let valueWidth = values.map(\.count).max() ?? 0
    let labelWidth = ks.map { "k=\($0)".count }.max() ?? 3
    let barWidth = max(5, width - labelWidth - valueWidth - 14)
    let largest = max(1e-300, withinSS.max() ?? 1)
    var lines = ks.indices.map { i in
      let label = "k=\(ks[i])"
      let bar = StatisticText.bar(withinSS[i] / largest, width: barWidth)
      return label + String(repeating: " ", count: labelWidth - label.count) + "  " + bar
        + String(repeating: " ", count: barWidth - bar.count + 2)
        + String(repeating: " ", count: valueWidth - values[i].count) + values[i] + (i == knee ? "  ◀ elbow" : "")
    }
    lines += Prose.wrap(
      "within-segment sum of squares per k; the elbow (Kneedle) is where adding segments stops paying off", width: width
    )
    return lines
  }
}
