/// ABC analysis (Pareto classes) of a value per row, e.g. revenue or margin per customer.
///
/// Rows are sorted by value, largest first (ties by key ascending, then row order); each row's cumulative share
/// is the sum of the positive values up to and including it over the total of positive values. A row is A when
/// the cumulative share *before* it is below `a` (so A is the smallest top group reaching the share `a`; a single
/// customer with 90 % of revenue is A), B when the share before it is below `b`, C otherwise. Rows with a value
/// ≤ 0 (a negative margin) are C; missing values get no class. Defaults 0.8 / 0.95: A ≈ 80 %, B ≈ 15 %, C ≈ 5 %
/// of revenue (NUMERICS.md).
public struct ABCClassification: Sendable, Equatable {
  /// Cumulative share that closes class A (0 < a < b).
  public var a: Double
  /// Cumulative share that closes class B (a < b ≤ 1).
  public var b: Double

  public init(a: Double = 0.8, b: Double = 0.95) {
    self.a = a
    self.b = b
  }

  /// The classes and their totals.
  public struct Result: Sendable, Equatable {
    /// "A", "B", "C" per row (`nil` where the value is missing).
    public let classes: [String?]
    /// Classes A, B, C: rows and their share of the positive total.
    public let summary: [ClassSummary]
  }

  /// Classifies `values`; `keys` (one per row, e.g. customer ids) break ties between equal values.
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` unless 0 < a < b ≤ 1;
  ///   ``SegmentaError/insufficientData(_:)`` when no value is positive.
  /// - Complexity: O(n log n).
  public func classify(_ values: ContiguousArray<Double>, keys: [String]) throws(SegmentaError) -> Result {
    precondition(keys.count == values.count, "one key per value")
    guard a > 0, a < b, b <= 1 else {
      throw .invalidParameter(
        name: "a, b", value: "\(a), \(b)", expected: "shares with 0 < a < b ≤ 1, e.g. a=0.8 b=0.95")
    }
    let present = values.indices.filter { !values[$0].isNaN }
    let total = present.reduce(0.0) { $0 + max(values[$1], 0) }
    guard total > 0 else {
      throw .insufficientData("ABC needs positive values to share out, but none is positive")
    }
    let order = present.sorted { i, j in
      values[i] != values[j] ? values[i] > values[j] : (keys[i] != keys[j] ? keys[i] < keys[j] : i < j)
    }
    var classes = [String?](repeating: nil, count: values.count)
    var running = 0.0
    var counts = [0, 0, 0]
    var sums = [0.0, 0.0, 0.0]
    for i in order {
      let before = running / total
      let value = max(values[i], 0)
      running += value
      let c = values[i] <= 0 ? 2 : (before < a ? 0 : (before < b ? 1 : 2))
      classes[i] = ["A", "B", "C"][c]
      counts[c] += 1
      sums[c] += value
    }
    let summary = (0..<3).map { ClassSummary(label: ["A", "B", "C"][$0], rows: counts[$0], share: sums[$0] / total) }
    return Result(classes: classes, summary: summary)
  }
}
