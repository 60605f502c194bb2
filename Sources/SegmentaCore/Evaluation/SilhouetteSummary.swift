/// The silhouette of a segmentation (Rousseeuw 1987) overall and per segment, exact or estimated from a stratified
/// sample of rows.
///
/// Exact: every row is scored against every row, streamed (O(n) memory). Sampled: within every segment a simple
/// random sample of rows is scored, still against all rows, so each scored value is exact; the overall mean weights
/// each segment's sample mean by the segment's share of rows (a stratified estimate of the exact mean). Every segment
/// keeps at least two scored rows (all of them when smaller), so a small segment can never drop out.
public struct SilhouetteSummary: Sendable, Equatable {
  /// Mean silhouette over the non-noise rows (the stratified estimate when sampled).
  public let mean: Double
  /// Mean silhouette per segment label (index = label, `0…max label`) over its scored rows; NaN for a label
  /// without rows.
  public let segmentMeans: [Double]
  /// Per-row silhouette; NaN for noise and for rows not scored.
  public let values: ContiguousArray<Double>
  /// Rows scored.
  public let scoredRows: Int
  /// Whether every non-noise row was scored.
  public var isExact: Bool { scoredRows == values.count - noiseRows }
  /// Rows labelled noise (never scored).
  public let noiseRows: Int
  /// Standard error of ``mean`` as an estimate of the exact mean: 0 when exact; when sampled, the stratified
  /// estimate √(Σ_h W_h² (1 − n_h/N_h) s_h²/n_h) with segment shares W_h = N_h/N, n_h of N_h rows scored and s_h²
  /// the sample variance of the scored silhouettes (Cochran, *Sampling Techniques*, 1977, eq. 5.13).
  public let standardError: Double

  /// Computes the summary.
  ///
  /// - Parameters:
  ///   - data: the rows as clustered.
  ///   - labels: segment per row, −1 for noise.
  ///   - sampleSize: rows to score, or `nil` for all (exact). A size at or above the non-noise row count is exact.
  ///   - rng: draws the sample (unused when exact).
  ///   - context: threads (the result does not depend on them) and cancellation.
  /// - Throws: ``SegmentaError/insufficientData(_:)`` unless 2 ≤ k ≤ n − 1 (n without noise);
  ///   ``SegmentaError/invalidParameter(name:value:expected:)`` for a sample size below 2 × k;
  ///   ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: O(m × n × d) time for m scored rows, O(n) memory.
  public init(
    _ data: FeatureMatrix, labels: ContiguousArray<Int32>, sampleSize: Int?, rng: inout SeededRandom,
    context: ExecutionContext
  ) throws(SegmentaError) {
    precondition(labels.count == data.rows, "one label per row")
    let coding = SegmentCoding(labels)
    try coding.requireSegmentRange(for: "silhouette")
    var members: [[Int]] = Array(repeating: [], count: coding.k)
    for i in 0..<data.rows where coding.codes[i] >= 0 { members[Int(coding.codes[i])].append(i) }
    if let size = sampleSize, size < 2 * coding.k {
      throw .invalidParameter(
        name: "sample", value: String(size), expected: "at least 2 rows per segment (≥ \(2 * coding.k))")
    }
    let chosen: [[Int]]
    if let size = sampleSize, size < coding.members {
      chosen = members.map { rows in
        let quota = Int((Double(size) * Double(rows.count) / Double(coding.members)).rounded())
        return Self.sample(rows, count: min(rows.count, max(2, quota)), rng: &rng)
      }
    } else {
      chosen = members
    }
    let scored = chosen.flatMap { $0 }
    let scores = try ClusterMetrics.streamedSilhouette(data, coding: coding, rows: scored, context: context)
    var values = ContiguousArray<Double>(repeating: .nan, count: data.rows)
    for (row, score) in zip(scored, scores) { values[row] = score }
    var segmentMeans = [Double](repeating: .nan, count: Int(labels.max() ?? -1) + 1)
    var weighted = 0.0
    var variance = 0.0
    for c in 0..<coding.k {
      var sum = 0.0
      for row in chosen[c] { sum += values[row] }
      let scoredCount = Double(chosen[c].count)
      let segmentMean = sum / scoredCount
      segmentMeans[Int(labels[chosen[c][0]])] = segmentMean
      weighted += segmentMean * Double(coding.sizes[c])
      var squares = 0.0
      for row in chosen[c] { squares += (values[row] - segmentMean) * (values[row] - segmentMean) }
      if chosen[c].count < coding.sizes[c] {
        let share = Double(coding.sizes[c]) / Double(coding.members)
        let unscored = 1 - scoredCount / Double(coding.sizes[c])
        variance += share * share * unscored * squares / (scoredCount - 1) / scoredCount
      }
    }
    self.values = values
    self.segmentMeans = segmentMeans
    self.scoredRows = scored.count
    self.noiseRows = data.rows - coding.members
    // Exact: the plain mean over rows in row order (as scikit-learn sums), so it equals silhouette_score bit for bit.
    if scored.count == coding.members {
      var sum = 0.0
      for i in 0..<data.rows where coding.codes[i] >= 0 { sum += values[i] }
      mean = sum / Double(coding.members)
      standardError = 0
    } else {
      mean = weighted / Double(coding.members)
      standardError = variance.squareRoot()
    }
  }

  /// `count` of `rows` without replacement (a partial Fisher–Yates shuffle), returned in ascending order.
  private static func sample(_ rows: [Int], count: Int, rng: inout SeededRandom) -> [Int] {
    var pool = rows
    for i in 0..<count { pool.swapAt(i, i + rng.nextInt(below: pool.count - i)) }
    return pool[..<count].sorted()
  }
}
