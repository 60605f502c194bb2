/// How strongly a categorical feature and the segments go together: Pearson's χ² test of independence on their
/// crosstab and Cramér's V (Cramér 1946, "Mathematical Methods of Statistics", §21.9).
///
/// V = √(χ² / (n × (min(r, c) − 1))) is 0 when the categories are spread alike over all segments and 1 when each
/// segment holds one category (or the other way round). As SciPy's `chi2_contingency(correction=False)`: rows and
/// columns without any count are left out.
public struct CategoricalAssociation: Sendable, Equatable {
  /// Counts, row-major `rows × columns` (segments × categories, as given).
  public let counts: [Int]
  /// Number of rows and columns of ``counts``.
  public let rows: Int
  public let columns: Int
  /// Pearson's χ² = Σ (observed − expected)² / expected over the non-empty rows and columns.
  public let chiSquared: Double
  /// (r − 1)(c − 1) over the non-empty rows and columns.
  public let degreesOfFreedom: Int
  /// Cramér's V, 0…1.
  public let cramersV: Double
  /// log₁₀ of the p-value P(χ² ≥ observed).
  public let log10P: Double
  /// Total count.
  public let total: Int

  /// The test on a crosstab of counts (row-major, `rows × columns`).
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` unless at least 2 rows and 2 columns have counts.
  /// - Complexity: O(rows × columns).
  public init(counts: [Int], rows: Int, columns: Int) throws(SegmentaError) {
    precondition(counts.count == rows * columns && counts.allSatisfy { $0 >= 0 }, "a rows × columns count table")
    let rowSums = (0..<rows).map { r in (0..<columns).reduce(0) { $0 + counts[r * columns + $1] } }
    let columnSums = (0..<columns).map { c in (0..<rows).reduce(0) { $0 + counts[$1 * columns + c] } }
    let liveRows = (0..<rows).filter { rowSums[$0] > 0 }
    let liveColumns = (0..<columns).filter { columnSums[$0] > 0 }
    guard liveRows.count >= 2, liveColumns.count >= 2 else {
      throw .insufficientData(
        "a χ² test needs at least 2 segments and 2 categories with counts (got \(liveRows.count) × "
          + "\(liveColumns.count))")
    }
    let n = Double(rowSums.reduce(0, +))
    var chi = 0.0
    for r in liveRows {
      for c in liveColumns {
        let expected = Double(rowSums[r]) * Double(columnSums[c]) / n
        let delta = Double(counts[r * columns + c]) - expected
        chi += delta * delta / expected
      }
    }
    self.counts = counts
    self.rows = rows
    self.columns = columns
    chiSquared = chi
    degreesOfFreedom = (liveRows.count - 1) * (liveColumns.count - 1)
    cramersV = min(1, (chi / (n * Double(min(liveRows.count, liveColumns.count) - 1))).squareRoot())
    log10P = TailProbability.log10ChiSquared(chi, Double(degreesOfFreedom))
    total = Int(n)
  }

  /// The crosstab of segments (labels ≥ 0, noise left out) against category codes (≥ 0, missing < 0) and its test.
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` as ``init(counts:rows:columns:)``.
  /// - Complexity: O(n + k × levels).
  public init(segments: ContiguousArray<Int32>, k: Int, categories: [Int], levels: Int) throws(SegmentaError) {
    precondition(segments.count == categories.count, "one category per row")
    var counts = [Int](repeating: 0, count: k * levels)
    for (s, c) in zip(segments, categories) where s >= 0 && c >= 0 { counts[Int(s) * levels + c] += 1 }
    try self.init(counts: counts, rows: k, columns: levels)
  }
}
