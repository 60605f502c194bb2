/// What `describe` shows for one column: counts, and either distribution statistics or the commonest levels.
public struct ColumnSummary: Sendable, Equatable {
  /// Statistics of a numeric or date column's present values (dates in days since 1970-01-01).
  public struct Distribution: Sendable, Equatable {
    public let mean: Double
    /// Sample standard deviation (ddof 1, as R's `sd` and pandas' `describe`); NaN for a single value.
    public let sd: Double
    public let min: Double
    /// Quantiles by linear interpolation between order statistics: NumPy's default, R's type 7.
    public let q25: Double
    public let median: Double
    public let q75: Double
    public let max: Double
  }

  /// A level of a categorical or identifier column and how often it occurs.
  public struct Level: Sendable, Equatable {
    public let value: String
    public let count: Int
  }

  /// The column's name.
  public let name: String
  /// The column's kind.
  public let kind: Column.Kind
  /// Present (non-missing) values.
  public let count: Int
  /// Missing values.
  public let missing: Int
  /// For numeric and date columns with at least one present value; `nil` otherwise.
  public let distribution: Distribution?
  /// For categorical and identifier columns: the number of distinct present values; 0 otherwise.
  public let distinct: Int
  /// For categorical and identifier columns: up to three commonest levels, most frequent first, ties in order
  /// of first appearance; empty otherwise.
  public let top: [Level]

  /// Summarizes `column`.
  ///
  /// - Complexity: O(n log n) for numeric and date columns (sorting for quantiles), O(n) expected otherwise.
  public static func summarize(_ column: Column) -> ColumnSummary {
    if column.isNumeric {
      let present = column.numbers.filter { !$0.isNaN }
      return ColumnSummary(
        name: column.name, kind: column.kind, count: present.count, missing: column.count - present.count,
        distribution: distribution(of: present), distinct: 0, top: [])
    }
    var counts: [String: (count: Int, first: Int)] = [:]
    var present = 0
    for row in 0..<column.count {
      guard let value = column.string(at: row) else { continue }
      present += 1
      counts[value, default: (0, row)].count += 1
    }
    let ranked = counts.sorted { a, b in
      a.value.count != b.value.count ? a.value.count > b.value.count : a.value.first < b.value.first
    }
    return ColumnSummary(
      name: column.name, kind: column.kind, count: present, missing: column.count - present, distribution: nil,
      distinct: counts.count, top: ranked.prefix(3).map { Level(value: $0.key, count: $0.value.count) })
  }

  private static func distribution(of values: [Double]) -> Distribution? {
    guard !values.isEmpty else { return nil }
    let n = Double(values.count)
    let sorted = values.sorted()
    var mean = values.reduce(0, +) / n
    mean += values.reduce(0) { $0 + ($1 - mean) } / n
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return Distribution(
      mean: mean, sd: values.count > 1 ? (squares / (n - 1)).squareRoot() : .nan, min: sorted[0],
      q25: Statistics.quantile(sorted: sorted, 0.25), median: Statistics.quantile(sorted: sorted, 0.5),
      q75: Statistics.quantile(sorted: sorted, 0.75),
      max: sorted[sorted.count - 1])
  }

}
