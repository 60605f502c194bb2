import Foundation

/// Round axis ticks from 0: steps of 1, 2 or 5 × 10ᵉ (Heckbert 1990, "Nice numbers for graph labels", Graphics
/// Gems), labelled with as many decimals as the step needs, so every plot labels its axes the same way.
public struct AxisTicks: Sendable, Equatable {
  /// The tick values 0, step, 2·step, … up to the maximum.
  public let values: [Double]
  /// The distance between ticks.
  public let step: Double
  /// Decimals in the labels (those of the step).
  public let decimals: Int

  /// About `count` ticks covering 0…`maximum` (never beyond it); a maximum of 0 (or less) gives the single tick 0.
  ///
  /// - Complexity: O(count).
  public init(upTo maximum: Double, about count: Int) {
    guard maximum > 0, maximum.isFinite else {
      values = [0]
      step = 1
      decimals = 0
      return
    }
    let raw = maximum / Double(max(count, 1))
    let magnitude = pow(10, floor(log10(raw)))
    let residual = raw / magnitude
    let step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude
    self.step = step
    decimals = max(0, -Int(floor(log10(step) + 1e-9)))
    let last = Int((maximum / step * (1 + 1e-9)).rounded(.down))
    values = (0...last).map { Double($0) * step }
  }

  /// About `count` round ticks within `lower`…`upper` (which may be negative), e.g. −2, −1, 0, 1, 2; a degenerate
  /// range gives the single tick `lower`.
  ///
  /// - Complexity: O(count).
  public init(from lower: Double, to upper: Double, about count: Int) {
    guard upper > lower, lower.isFinite, upper.isFinite else {
      values = [lower.isFinite ? lower : 0]
      step = 1
      decimals = 0
      return
    }
    let raw = (upper - lower) / Double(max(count, 1))
    let magnitude = pow(10, floor(log10(raw)))
    let residual = raw / magnitude
    let step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude
    self.step = step
    decimals = max(0, -Int(floor(log10(step) + 1e-9)))
    let first = Int((lower / step * (1 - 1e-9 * (lower < 0 ? -1 : 1))).rounded(.up))
    let last = Int((upper / step * (1 + 1e-9 * (upper < 0 ? -1 : 1))).rounded(.down))
    values = first <= last ? (first...last).map { Double($0) * step } : [lower]
  }

  /// The tick labels, e.g. `0`, `2.5`, `5`… with ``decimals`` decimals.
  public var labels: [String] { values.map { String(format: "%.\(decimals)f", $0) } }
}
