/// What distinguishes each segment in the original units of a column: means and medians against the whole, and
/// category shares per segment.
///
/// The standardised difference of a segment is (segment mean − overall mean) / overall standard deviation (ddof 1),
/// Cohen's d against the whole data: about ±0.2 is small, ±0.5 medium, ±0.8 and beyond large (Cohen 1988,
/// "Statistical Power Analysis for the Behavioral Sciences", §2.2). Noise rows and missing values are left out.
public enum SegmentProfile {
  /// A numeric column per segment.
  public struct Numeric: Sendable, Equatable {
    public let name: String
    public let overallMean: Double
    public let overallMedian: Double
    /// Standard deviation over all rows with a value (ddof 1).
    public let overallStandardDeviation: Double
    /// Per segment `0..<k` (NaN for a segment without values).
    public let means: [Double]
    public let medians: [Double]
    /// (mean − overall mean) / overall sd; NaN when the column is constant.
    public let standardizedDifferences: [Double]
  }

  /// A categorical column per segment.
  public struct Categorical: Sendable, Equatable {
    public let name: String
    /// Levels by decreasing overall count, ties by name.
    public let levels: [String]
    /// Counts, row-major k × levels.
    public let counts: [Int]
    /// Rows with a value per segment.
    public let segmentTotals: [Int]
    /// Rows with a value per level.
    public let levelTotals: [Int]

    /// The share of segment `s` in level `l` (0 for an empty segment).
    public func share(segment s: Int, level l: Int) -> Double {
      segmentTotals[s] > 0 ? Double(counts[s * levels.count + l]) / Double(segmentTotals[s]) : 0
    }

    /// The χ² test and Cramér's V of this crosstab.
    ///
    /// - Throws: ``SegmentaError/insufficientData(_:)`` with fewer than 2 segments or levels.
    public func association() throws(SegmentaError) -> CategoricalAssociation {
      try CategoricalAssociation(counts: counts, rows: segmentTotals.count, columns: levels.count)
    }
  }

  /// The profile of a numeric column.
  ///
  /// - Complexity: O(n log n) for the medians.
  public static func numeric(
    name: String, values: ContiguousArray<Double>, labels: ContiguousArray<Int32>, k: Int
  ) -> Numeric {
    precondition(values.count == labels.count, "one label per value")
    var groups: [[Double]] = Array(repeating: [], count: k)
    var all: [Double] = []
    for (v, label) in zip(values, labels) where label >= 0 && !v.isNaN {
      groups[Int(label)].append(v)
      all.append(v)
    }
    let mean = Statistics.mean(all)
    let sd = Statistics.standardDeviation(all, ddof: 1)
    let means = groups.map { Statistics.mean($0) }
    return Numeric(
      name: name, overallMean: mean, overallMedian: Statistics.quantile(sorted: all.sorted(), 0.5),
      overallStandardDeviation: sd, means: means,
      medians: groups.map { Statistics.quantile(sorted: $0.sorted(), 0.5) },
      standardizedDifferences: means.map { sd > 0 ? ($0 - mean) / sd : .nan })
  }

  /// The profile of a categorical column (`nil` = missing).
  ///
  /// - Complexity: O(n + levels log levels).
  public static func categorical(name: String, values: [String?], labels: ContiguousArray<Int32>, k: Int)
    -> Categorical
  {
    precondition(values.count == labels.count, "one label per value")
    var totals: [String: Int] = [:]
    for (v, label) in zip(values, labels) where label >= 0 {
      if let v { totals[v, default: 0] += 1 }
    }
    let levels = totals.keys.sorted { (totals[$0] ?? 0, $1) > (totals[$1] ?? 0, $0) }
    let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
    var counts = [Int](repeating: 0, count: k * levels.count)
    var segmentTotals = [Int](repeating: 0, count: k)
    for (v, label) in zip(values, labels) where label >= 0 {
      guard let v, let l = index[v] else { continue }
      counts[Int(label) * levels.count + l] += 1
      segmentTotals[Int(label)] += 1
    }
    return Categorical(
      name: name, levels: levels, counts: counts, segmentTotals: segmentTotals,
      levelTotals: levels.map { totals[$0] ?? 0 })
  }
}
