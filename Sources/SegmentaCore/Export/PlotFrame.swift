/// The shared look of the segment plots for slides: a 960 × 540 (16:9) canvas, a title and subtitle, a plotting
/// area with linear scales, labelled axes with round ticks, and one colour per segment from the Okabe–Ito palette
/// (Okabe & Ito 2008, "Color Universal Design"), which stays distinguishable for colour-blind readers.
public struct PlotFrame: Sendable {
  /// Canvas size in pixels.
  public static let canvasWidth = 960.0
  public static let canvasHeight = 540.0
  /// Segment colours, in order (the palette without its black, cycled beyond seven segments).
  public static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]

  /// Plotting area in pixels.
  public let left: Double
  public let top: Double
  public let width: Double
  public let height: Double
  /// Data ranges mapped onto the area.
  public let xRange: ClosedRange<Double>
  public let yRange: ClosedRange<Double>

  /// An area inside the default canvas with the given margins, showing `x` × `y`.
  public init(
    x: ClosedRange<Double>, y: ClosedRange<Double>, left: Double = 90, right: Double = 40, top: Double = 80,
    bottom: Double = 70
  ) {
    self.left = left
    self.top = top
    width = Self.canvasWidth - left - right
    height = Self.canvasHeight - top - bottom
    xRange = x
    yRange = y
  }

  /// The pixel column of data value `v`.
  public func x(_ v: Double) -> Double {
    let span = xRange.upperBound - xRange.lowerBound
    return left + (span > 0 ? (v - xRange.lowerBound) / span : 0.5) * width
  }

  /// The pixel row of data value `v` (larger values higher up).
  public func y(_ v: Double) -> Double {
    let span = yRange.upperBound - yRange.lowerBound
    return top + height - (span > 0 ? (v - yRange.lowerBound) / span : 0.5) * height
  }

  /// A canvas with the title, subtitle and the common styles (axes, text, one class `s0`, `s1`, … per segment).
  public static func canvas(title: String, subtitle: String, segments: Int) -> SVGDocument {
    var svg = SVGDocument(width: canvasWidth, height: canvasHeight, title: title)
    let colours = (0..<max(segments, 1)).map { ".s\($0) { fill: \(colour($0)); stroke: \(colour($0)); }" }
    svg.style(
      "text { font-family: Helvetica, Arial, sans-serif; font-size: 14px; fill: #222; } "
        + ".title { font-size: 22px; font-weight: bold; } .subtitle { font-size: 14px; fill: #555; } "
        + ".axis { stroke: #444; stroke-width: 1; fill: none; } .grid { stroke: #ddd; stroke-width: 1; } "
        + ".tick { font-size: 12px; fill: #444; } .axis-label { font-size: 15px; fill: #333; } "
        + ".noise { fill: #999; stroke: #999; } .mark { stroke: #c0392b; stroke-width: 1.5; stroke-dasharray: 6 4; "
        + "fill: none; } .mark-label { fill: #c0392b; } " + colours.joined(separator: " "))
    svg.text(title, at: .init(40, 38), className: "title")
    // About 120 characters fit the canvas at the subtitle's size.
    svg.text(subtitle.count > 120 ? subtitle.prefix(119) + "…" : subtitle, at: .init(40, 60), className: "subtitle")
    return svg
  }

  /// The colour of segment `s`.
  public static func colour(_ s: Int) -> String { palette[s % palette.count] }

  /// Draws the axes with ticks, grid lines and labels; `xTicks` replaces numeric x ticks by named positions.
  public func drawAxes(
    _ svg: inout SVGDocument, xLabel: String, yLabel: String, xTicks: [(value: Double, label: String)]? = nil,
    yTicks: [(value: Double, label: String)]? = nil
  ) {
    let bottom = top + height
    let numericY = AxisTicks(from: yRange.lowerBound, to: yRange.upperBound, about: 6)
    for (value, label) in yTicks ?? Array(zip(numericY.values, numericY.labels)) {
      svg.line(from: .init(left, y(value)), to: .init(left + width, y(value)), className: "grid")
      svg.text(label, at: .init(left - 8, y(value) + 4), anchor: .end, className: "tick")
    }
    let numericX = AxisTicks(from: xRange.lowerBound, to: xRange.upperBound, about: 8)
    for (value, label) in xTicks ?? Array(zip(numericX.values, numericX.labels)) {
      svg.line(from: .init(x(value), bottom), to: .init(x(value), bottom + 5), className: "axis")
      svg.text(label, at: .init(x(value), bottom + 20), anchor: .middle, className: "tick")
    }
    svg.path([.init(left, top), .init(left, bottom), .init(left + width, bottom)], className: "axis")
    svg.text(xLabel, at: .init(left + width / 2, bottom + 48), anchor: .middle, className: "axis-label")
    svg.text(yLabel, at: .init(24, top + height / 2), anchor: .middle, className: "axis-label", rotation: -90)
  }

  /// A range padded by `fraction` of its span on both sides (a point range is widened by 1).
  public static func padded(_ low: Double, _ high: Double, by fraction: Double = 0.05) -> ClosedRange<Double> {
    guard high > low else { return (low - 1)...(high + 1) }
    let pad = (high - low) * fraction
    return (low - pad)...(high + pad)
  }
}
