/// A small SVG 1.1 document builder shared by the plots: paths, lines and text in user units (pixels), numbers
/// printed with at most two decimals and text XML-escaped, so the same drawing always gives the same bytes.
public struct SVGDocument: Sendable {
  /// A point in user units, y growing downwards.
  public struct Point: Sendable, Equatable {
    public let x: Double
    public let y: Double
    public init(_ x: Double, _ y: Double) {
      self.x = x
      self.y = y
    }
  }

  /// Which point of a text its position names.
  public enum Anchor: String, Sendable { case start, middle, end }

  /// The canvas size.
  public let width: Double
  public let height: Double
  private let title: String
  private var css: [String] = []
  private var elements: [String] = []

  /// An empty canvas with a `<title>` (shown by viewers, read by screen readers).
  public init(width: Double, height: Double, title: String) {
    self.width = width
    self.height = height
    self.title = title
  }

  /// Adds CSS rules to the document's `<style>`, e.g. `.merge { stroke: #333; }`.
  public mutating func style(_ rules: String) { css.append(rules) }

  /// An open path through `points` (straight segments), with a CSS class.
  public mutating func path(_ points: [Point], className: String) {
    guard let first = points.first else { return }
    let steps =
      ["M\(Self.number(first.x)) \(Self.number(first.y))"]
      + points.dropFirst().map { "L\(Self.number($0.x)) \(Self.number($0.y))" }
    elements.append("<path class=\"\(Self.escaped(className))\" d=\"\(steps.joined(separator: " "))\"/>")
  }

  /// A straight line, with a CSS class.
  public mutating func line(from a: Point, to b: Point, className: String) {
    elements.append(
      "<line class=\"\(Self.escaped(className))\" x1=\"\(Self.number(a.x))\" y1=\"\(Self.number(a.y))\" "
        + "x2=\"\(Self.number(b.x))\" y2=\"\(Self.number(b.y))\"/>")
  }

  /// A filled circle, with a CSS class.
  public mutating func circle(at center: Point, radius: Double, className: String) {
    elements.append(
      "<circle class=\"\(Self.escaped(className))\" cx=\"\(Self.number(center.x))\" cy=\"\(Self.number(center.y))\" "
        + "r=\"\(Self.number(radius))\"/>")
  }

  /// A rectangle from its top-left corner, with a CSS class and an optional inline fill colour (for colour scales
  /// that classes cannot enumerate).
  public mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, fill: String? = nil)
  {
    let style = fill.map { " fill=\"\(Self.escaped($0))\"" } ?? ""
    elements.append(
      "<rect class=\"\(Self.escaped(className))\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" "
        + "width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\"\(style)/>")
  }

  /// A text at `at`, anchored as given, optionally rotated (degrees, clockwise) about its position.
  public mutating func text(
    _ text: String, at position: Point, anchor: Anchor = .start, className: String, rotation: Double? = nil
  ) {
    let x = Self.number(position.x)
    let y = Self.number(position.y)
    let rotate = rotation.map { " transform=\"rotate(\(Self.number($0)) \(x) \(y))\"" } ?? ""
    elements.append(
      "<text class=\"\(Self.escaped(className))\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor.rawValue)\"\(rotate)>"
        + "\(Self.escaped(text))</text>")
  }

  /// The document as UTF-8 text with an XML declaration, one element per line.
  ///
  /// - Complexity: O(size of the document).
  public func rendered() -> String {
    let w = Self.number(width)
    let h = Self.number(height)
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\">",
      "<title>\(Self.escaped(title))</title>",
    ]
    if !css.isEmpty { lines.append("<style>\(Self.escaped(css.joined(separator: " ")))</style>") }
    lines += elements
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `x` rounded to two decimals without trailing zeros (`12`, `12.5`, `12.25`); −0 prints as `0`, and so does a
  /// value that is not finite or too large to be a coordinate.
  public static func number(_ x: Double) -> String {
    guard abs(x) < 1e15 else { return "0" }
    let hundredths = Int((x * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let whole = abs(hundredths) / 100
    let fraction = abs(hundredths) % 100
    if fraction == 0 { return sign + String(whole) }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return sign + String(whole) + "." + digits
  }

  /// `text` with the five XML special characters escaped.
  static func escaped(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default: out.append(character)
      }
    }
    return out
  }
}
