/// The Dunn index, streamed over row pairs.
extension ClusterMetrics {
  /// Dunn index (Dunn 1974, "Well-separated clusters and optimal fuzzy partitions", J. Cybernetics 4): the smallest
  /// Euclidean distance between two rows of different segments divided by the largest distance between two rows of
  /// the same segment (the largest diameter); higher is better. As R's `clValid::dunn` and
  /// `fpc::cluster.stats()$dunn`; noise rows are left out; +∞ when every segment is a single point.
  ///
  /// Sensitive to single rows: one outlier far from its segment shrinks it to near 0, so compare it between
  /// variants of the same data rather than reading its absolute value.
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` unless 2 ≤ k ≤ n − 1 (n without noise);
  ///   ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: O(n² × d) time, O(n) memory; parallel over fixed row chunks (min and max are exact, so the
  ///   result does not depend on the thread count).
  public static func dunnIndex(_ data: FeatureMatrix, labels: ContiguousArray<Int32>, context: ExecutionContext)
    throws(SegmentaError) -> Double
  {
    precondition(labels.count == data.rows, "one label per row")
    let coding = SegmentCoding(labels)
    try coding.requireSegmentRange(for: "the Dunn index")
    let n = data.rows
    let d = data.columns
    let cancellation = context.cancellation
    let parts = context.mapChunks(count: n, chunkCount: ExecutionContext.chunkCount(for: n, grain: 32)) { _, range in
      var separation = Double.infinity
      var diameter = 0.0
      if cancellation.isCancelled { return (separation, diameter) }
      data.values.withUnsafeBufferPointer { x in
        coding.codes.withUnsafeBufferPointer { codes in
          for i in range where codes[i] >= 0 {
            for j in (i + 1)..<n where codes[j] >= 0 {
              var squared = 0.0
              for c in 0..<d {
                let delta = x[i * d + c] - x[j * d + c]
                squared += delta * delta
              }
              if codes[i] == codes[j] {
                diameter = max(diameter, squared)
              } else {
                separation = min(separation, squared)
              }
            }
          }
        }
      }
      return (separation, diameter)
    }
    try context.checkCancellation()
    let separation = parts.map(\.0).min() ?? .infinity
    let diameter = parts.map(\.1).max() ?? 0
    return diameter > 0 ? separation.squareRoot() / diameter.squareRoot() : .infinity
  }
}
