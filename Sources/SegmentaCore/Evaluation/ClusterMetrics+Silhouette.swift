/// The streamed silhouette kernel (Rousseeuw 1987).
extension ClusterMetrics {
  /// Rows per chunk of silhouette work: each row costs O(n × d), so chunks are small; the count depends on
  /// the row count only.
  private static func silhouetteChunkCount(_ rows: Int) -> Int { ExecutionContext.chunkCount(for: rows, grain: 32) }

  /// Per-row silhouettes: for each non-noise row, Euclidean distance sums to every segment (in row order, as
  /// scikit-learn's `bincount`), then a, b and s; NaN for noise. Cancellation is checked between chunks.
  static func streamedSilhouette(_ data: FeatureMatrix, coding: SegmentCoding, context: ExecutionContext)
    throws(SegmentaError) -> ContiguousArray<Double>
  {
    try streamedSilhouette(data, coding: coding, rows: Array(0..<data.rows), context: context)
  }

  /// Silhouettes of the given rows against all rows (NaN for noise rows), in the order given.
  static func streamedSilhouette(
    _ data: FeatureMatrix, coding: SegmentCoding, rows: [Int], context: ExecutionContext
  ) throws(SegmentaError) -> ContiguousArray<Double> {
    let n = data.rows
    let d = data.columns
    let k = coding.k
    let cancellation = context.cancellation
    let parts = context.mapChunks(count: rows.count, chunkCount: silhouetteChunkCount(rows.count)) { _, range in
      var out = ContiguousArray<Double>(repeating: .nan, count: range.count)
      if cancellation.isCancelled { return out }
      var sums = [Double](repeating: 0, count: k)
      data.values.withUnsafeBufferPointer { x in
        coding.codes.withUnsafeBufferPointer { codes in
          for position in range where codes[rows[position]] >= 0 {
            let i = rows[position]
            for c in 0..<k { sums[c] = 0 }
            for other in 0..<n where codes[other] >= 0 {
              var squared = 0.0
              for j in 0..<d {
                let delta = x[i * d + j] - x[other * d + j]
                squared += delta * delta
              }
              sums[Int(codes[other])] += squared.squareRoot()
            }
            out[position - range.lowerBound] = silhouette(sums: sums, own: Int(codes[i]), sizes: coding.sizes)
          }
        }
      }
      return out
    }
    try context.checkCancellation()
    return ContiguousArray(parts.joined())
  }

  /// s = (b − a) / max(a, b) from one row's distance sums; 0 for a singleton or when a = b = 0.
  private static func silhouette(sums: [Double], own: Int, sizes: [Int]) -> Double {
    if sizes[own] <= 1 { return 0 }
    let a = sums[own] / Double(sizes[own] - 1)
    var b = Double.infinity
    for c in sizes.indices where c != own { b = min(b, sums[c] / Double(sizes[c])) }
    let scale = max(a, b)
    return scale > 0 ? (b - a) / scale : 0
  }
}
