import Foundation

/// Number formatting for transcripts: fixed significant digits, `.` as decimal separator, `,` as thousands
/// separator, independent of locale and terminal, so a session prints the same text everywhere.
public struct NumberFormat: Sendable {
  /// Significant digits (`set digits`), 1…15.
  public var digits: Int

  public init(digits: Int = 4) { self.digits = digits }

  /// `x` with ``digits`` significant digits: integers-sized values are rounded to whole numbers with thousands
  /// separators (`1,204,532`); small values use scientific notation (`1.234e-05`); NaN prints as `–`.
  public func format(_ x: Double) -> String {
    if x.isNaN { return "–" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    if x == 0 { return "0" }
    let magnitude = abs(x)
    if magnitude >= pow(10, Double(digits)) { return Self.grouped(Int64(x.rounded())) }
    if magnitude < 1e-4 { return String(format: "%.\(max(0, digits - 1))e", x) }
    let exponent = Int(floor(log10(magnitude)))
    let decimals = max(0, digits - 1 - exponent)
    var text = String(format: "%.\(decimals)f", x)
    if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
    return text
  }

  /// An integer with thousands separators: `2,000`.
  public static func grouped(_ n: Int64) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return n < 0 ? "-" + out : out
  }

  /// An integer with thousands separators.
  public static func grouped(_ n: Int) -> String { grouped(Int64(n)) }

  /// A share as a percentage with one decimal: `12.5%`.
  public static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
