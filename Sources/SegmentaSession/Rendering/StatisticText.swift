import Foundation

/// Test results in words and numbers that stay exact where a Double would underflow.
enum StatisticText {
  /// A p-value from its log₁₀: `p = 0.0123`, `p = 3.4e-17`, even `p = 1.3e-562`; `p = 0` for −∞.
  static func pValue(log10: Double, _ format: NumberFormat) -> String {
    if log10 == -.infinity { return "p = 0" }
    if log10 > -4 { return "p = " + format.format(pow(10, log10)) }
    let exponent = floor(log10)
    let mantissa = pow(10, log10 - exponent)
    return String(format: "p = %.\(max(0, min(format.digits, 4) - 1))fe%d", mantissa, Int(exponent))
  }

  /// −log₁₀ p for tables (`inf` when p = 0).
  static func minusLog10(_ log10: Double, _ format: NumberFormat) -> String {
    log10 == -.infinity ? "inf" : format.format(-log10)
  }

  /// Cramér's V in words (Rea & Parker 1992, "Designing and Conducting Survey Research": under 0.1 negligible,
  /// 0.1–0.2 weak, 0.2–0.4 moderate, 0.4–0.6 relatively strong, 0.6 and more strong).
  static func cramersV(_ v: Double) -> String {
    v < 0.1 ? "negligible" : v < 0.2 ? "weak" : v < 0.4 ? "moderate" : v < 0.6 ? "relatively strong" : "strong"
  }

  /// η² in words (Cohen 1988, §8.2: about 0.01 small, 0.06 medium, 0.14 large).
  static func etaSquared(_ e: Double) -> String {
    e < 0.01 ? "negligible" : e < 0.06 ? "small" : e < 0.14 ? "medium" : "large"
  }

  /// A horizontal bar of `fraction` (0…1) in `width` cells with eighth-block resolution.
  static func bar(_ fraction: Double, width: Int) -> String {
    let eighths = Int((max(0, min(1, fraction)) * Double(width * 8)).rounded())
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
  }
}
