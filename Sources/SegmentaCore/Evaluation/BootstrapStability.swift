/// Cluster-wise stability under resampling (Hennig 2007, "Cluster-wise assessment of cluster stability", CSDA 52),
/// with the semantics of R's `fpc::clusterboot(bootmethod = "boot")`.
///
/// Each resample draws n row numbers with replacement and keeps each drawn row once (fpc's default
/// `multipleboot = FALSE`); the method reclusters those rows. For every original segment, the rows of the resample
/// that belong to it are compared with each new segment by the Jaccard coefficient |A ∩ B| / |A ∪ B|, and the best
/// match is recorded (0 when nothing overlaps or the segment has no row in the resample). A segment's stability is
/// the mean over resamples. Hennig's reading: ≤ 0.5 dissolved, < 0.6 not to be trusted, 0.6–0.75 a pattern whose
/// members are doubtful, ≥ 0.75 stable, ≥ 0.85 highly stable.
public struct BootstrapStability: Sendable, Equatable {
  /// Hennig's reading of a mean Jaccard.
  public enum Reading: String, Sendable {
    case dissolved, unstable, doubtful, stable, highlyStable = "highly stable"

    public init(meanJaccard j: Double) {
      self = j <= 0.5 ? .dissolved : j < 0.6 ? .unstable : j < 0.75 ? .doubtful : j < 0.85 ? .stable : .highlyStable
    }
  }

  /// Best Jaccard per original segment (rows, `0..<k`) and resample (columns): k × B, row-major.
  public let jaccards: [Double]
  /// Original segments (k) and resamples (B).
  public let segments: Int
  public let resamples: Int

  /// Mean Jaccard per segment (fpc's `bootmean`).
  public var means: [Double] {
    (0..<segments).map { s in jaccards[(s * resamples)..<((s + 1) * resamples)].reduce(0, +) / Double(resamples) }
  }
  /// Resamples in which each segment dissolved, Jaccard ≤ 0.5 (fpc's `bootbrd`).
  public var dissolvedCounts: [Int] { counts { $0 <= 0.5 } }
  /// Resamples in which each segment was recovered, Jaccard > 0.75 (fpc's `bootrecover`).
  public var recoveredCounts: [Int] { counts { $0 > 0.75 } }

  private func counts(_ test: (Double) -> Bool) -> [Int] {
    (0..<segments).map { s in jaccards[(s * resamples)..<((s + 1) * resamples)].filter(test).count }
  }

  /// Runs B resamples, reclustering each with `refit`.
  ///
  /// - Parameters:
  ///   - data: the rows as clustered.
  ///   - labels: the original segments `0..<k` (−1 = noise, in no segment).
  ///   - k: number of original segments.
  ///   - resamples: B ≥ 1.
  ///   - rng: draws the resamples; resample b uses `rng.derived(b)` for its rows and the refit.
  ///   - refit: clusters a resample: its rows of `data` and their row numbers (labels −1 for noise).
  ///   - context: cancellation, checked between resamples; progress is reported after each resample.
  /// - Throws: errors of `refit`; ``SegmentaError/interrupted``.
  /// - Complexity: B refits plus O(B × (n + k × k')).
  public init(
    _ data: FeatureMatrix, labels: ContiguousArray<Int32>, k: Int, resamples: Int, rng: SeededRandom,
    refit: (FeatureMatrix, [Int], inout SeededRandom) throws(SegmentaError) -> ContiguousArray<Int32>,
    context: ExecutionContext
  ) throws(SegmentaError) {
    precondition(resamples >= 1 && labels.count == data.rows, "B ≥ 1 and one label per row")
    var columns: [[Double]] = []
    for b in 0..<resamples {
      try context.checkCancellation()
      var draw = rng.derived(b)
      let rows = Self.uniqueDraw(count: data.rows, rng: &draw)
      let relabelled = try refit(data.selectingRows(rows), rows, &draw)
      columns.append(Self.bestJaccards(original: labels, k: k, rows: rows, relabelled: relabelled))
      context.reportProgress("bootstrap resamples", Double(b + 1) / Double(resamples))
    }
    self.init(columns: columns, segments: k)
  }

  /// From per-resample best Jaccards (one array of k values per resample).
  public init(columns: [[Double]], segments k: Int) {
    precondition(columns.allSatisfy { $0.count == k }, "k values per resample")
    jaccards = (0..<k).flatMap { s in columns.map { $0[s] } }
    segments = k
    resamples = columns.count
  }

  /// fpc's `unique(sample(n, n, replace = TRUE))`: `count` draws with replacement, each row kept once, in the order
  /// first drawn.
  ///
  /// - Complexity: O(n).
  public static func uniqueDraw(count n: Int, rng: inout SeededRandom) -> [Int] {
    var seen = [Bool](repeating: false, count: n)
    var rows: [Int] = []
    for _ in 0..<n {
      let i = rng.nextInt(below: n)
      if !seen[i] {
        seen[i] = true
        rows.append(i)
      }
    }
    return rows
  }

  /// For each original segment s in `0..<k`, the largest Jaccard between {resampled rows in s} and a segment of the
  /// reclustering (`relabelled[i]` belongs to `rows[i]`; −1 in no segment); 0 when no segment overlaps.
  ///
  /// - Complexity: O(|rows| + k × k').
  public static func bestJaccards(
    original: ContiguousArray<Int32>, k: Int, rows: [Int], relabelled: ContiguousArray<Int32>
  ) -> [Double] {
    precondition(rows.count == relabelled.count, "one new label per resampled row")
    let newK = Int(relabelled.max() ?? -1) + 1
    var overlap = [Int](repeating: 0, count: k * max(newK, 1))
    var originalSizes = [Int](repeating: 0, count: k)
    var newSizes = [Int](repeating: 0, count: newK)
    for (position, row) in rows.enumerated() {
      let s = Int(original[row])
      let t = Int(relabelled[position])
      if s >= 0 { originalSizes[s] += 1 }
      if t >= 0 { newSizes[t] += 1 }
      if s >= 0 && t >= 0 { overlap[s * newK + t] += 1 }
    }
    return (0..<k).map { s in
      var best = 0.0
      for t in 0..<newK {
        let union = originalSizes[s] + newSizes[t] - overlap[s * newK + t]
        if union > 0 { best = max(best, Double(overlap[s * newK + t]) / Double(union)) }
      }
      return best
    }
  }
}
