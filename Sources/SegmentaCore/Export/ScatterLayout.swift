/// Segments seen from their two principal components: every row projected onto PC1 and PC2 (scikit-learn's PCA
/// convention), the segment centres as the means of their projected rows, and the share of variance shown.
public struct ScatterLayout: Sendable {
  /// Projected coordinates (x = PC1, y = PC2; y is 0 with a single feature).
  public let x: [Double]
  public let y: [Double]
  /// Segment per row (−1 = noise).
  public let labels: ContiguousArray<Int32>
  /// Projected centre of each segment `0..<k` (NaN for an empty one).
  public let centres: [(x: Double, y: Double)]
  /// Share of the total variance along PC1 and PC2.
  public let explained: (first: Double, second: Double)

  /// Projects `data`.
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` for fewer than 2 rows.
  /// - Complexity: O(n × d²).
  public init(_ data: FeatureMatrix, labels: ContiguousArray<Int32>, k: Int) throws(SegmentaError) {
    precondition(labels.count == data.rows, "one label per row")
    let components = try PrincipalComponents(data)
    let projected = components.project(data, dimensions: 2)
    x = (0..<data.rows).map { projected[$0, 0] }
    y = projected.columns > 1 ? (0..<data.rows).map { projected[$0, 1] } : Array(repeating: 0, count: data.rows)
    self.labels = labels
    var sums = [(x: Double, y: Double, n: Int)](repeating: (0, 0, 0), count: k)
    for i in 0..<data.rows where labels[i] >= 0 {
      let s = Int(labels[i])
      sums[s] = (sums[s].x + x[i], sums[s].y + y[i], sums[s].n + 1)
    }
    centres = sums.map { $0.n > 0 ? ($0.x / Double($0.n), $0.y / Double($0.n)) : (.nan, .nan) }
    let ratio = components.explainedVarianceRatio
    explained = (ratio.first ?? 0, ratio.count > 1 ? ratio[1] : 0)
  }

  /// At most about `limit` rows to draw, every segment (and noise) thinned alike by taking every m-th of its rows
  /// in row order and keeping at least one row of each; all rows when there are no more than `limit`.
  ///
  /// - Complexity: O(n).
  public func drawnRows(limit: Int) -> [Int] {
    let n = labels.count
    guard n > limit, limit > 0 else { return Array(0..<n) }
    let step = (n + limit - 1) / limit
    var seen: [Int32: Int] = [:]
    var rows: [Int] = []
    for i in 0..<n {
      let count = seen[labels[i], default: 0]
      if count % step == 0 { rows.append(i) }
      seen[labels[i]] = count + 1
    }
    return rows
  }
}
