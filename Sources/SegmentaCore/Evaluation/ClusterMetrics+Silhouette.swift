/// The streamed silhouette kernel (Rousseeuw 1987).
extension ClusterMetrics {
  /// Rows per chunk of silhouette work: each row costs O(n × d), so chunks are small; the count depends on
  /// the row count only.
  private static func silhouetteChunkCount(_ rows: Int) -> Int { ExecutionContext.chunkCount(for: rows, grain: 32) }

  /// Rows whose distance sums are accumulated together (one SIMD-friendly block; see ``blockSums``).
  private static let lanes = 8

  /// Per-row silhouettes: for each non-noise row, Euclidean distance sums to every segment, then a, b and s; NaN
  /// for noise. Cancellation is checked between chunks.
  ///
  /// Every sum adds the same terms in the same order as a scan of all rows in row order (scikit-learn's
  /// `bincount` order), so the values are bit-identical to the plain O(n² × d) double loop, for any thread count.
  /// What makes it fast: the non-noise rows are first grouped by segment with a stable counting sort (row order
  /// kept inside each segment), so the sum to segment c is one running register total over a contiguous run of
  /// rows instead of a scattered `sums[code] += …`; and 8 query rows are handled at once, transposed, so each
  /// loaded row feeds 8 independent distances that the compiler vectorizes (SIMD lanes) with no per-point
  /// allocation. Memory: one n × d copy of the data and O(k × 8) per chunk.
  static func streamedSilhouette(_ data: FeatureMatrix, coding: SegmentCoding, context: ExecutionContext)
    throws(SegmentaError) -> ContiguousArray<Double>
  {
    try streamedSilhouette(data, coding: coding, rows: Array(0..<data.rows), context: context)
  }

  /// Silhouettes of the given rows against all rows (NaN for noise rows), in the order given (the stratified
  /// sample scores a subset this way); the same kernel and the same bit-identical sums.
  static func streamedSilhouette(
    _ data: FeatureMatrix, coding: SegmentCoding, rows: [Int], context: ExecutionContext
  ) throws(SegmentaError) -> ContiguousArray<Double> {
    let n = data.rows
    let d = data.columns
    let k = coding.k
    let lanes = Self.lanes
    let cancellation = context.cancellation
    // Stable counting sort of the non-noise rows by segment.
    var starts = [Int](repeating: 0, count: k + 1)
    for c in 0..<k { starts[c + 1] = starts[c] + coding.sizes[c] }
    var grouped = ContiguousArray<Double>(repeating: 0, count: coding.members * d)
    do {
      var fill = starts
      for o in 0..<n where coding.codes[o] >= 0 {
        let c = Int(coding.codes[o])
        for j in 0..<d { grouped[fill[c] * d + j] = data.values[o * d + j] }
        fill[c] += 1
      }
    }
    let groupedRows = grouped
    let segmentStarts = starts
    let parts = context.mapChunks(count: rows.count, chunkCount: silhouetteChunkCount(rows.count)) { _, range in
      var out = ContiguousArray<Double>(repeating: .nan, count: range.count)
      if cancellation.isCancelled { return out }
      var block = [Int]()
      block.reserveCapacity(lanes)
      var query = [Double](repeating: 0, count: d * lanes)
      var sums = [Double](repeating: 0, count: k * lanes)
      var rowSums = [Double](repeating: 0, count: k)
      data.values.withUnsafeBufferPointer { x in
        groupedRows.withUnsafeBufferPointer { g in
          func flush() {
            guard let last = block.last, let gBase = g.baseAddress else { return }
            // Query rows transposed (coordinate j of lane l at j × lanes + l); unused lanes repeat the last row.
            for l in 0..<lanes {
              let i = rows[l < block.count ? block[l] : last]
              for j in 0..<d { query[j * lanes + l] = x[i * d + j] }
            }
            query.withUnsafeBufferPointer { q in
              guard let qBase = q.baseAddress else { return }
              for c in 0..<k {
                let s = blockSums(qBase, gBase, from: segmentStarts[c], to: segmentStarts[c + 1], columns: d)
                sums[c * lanes + 0] = s.0
                sums[c * lanes + 1] = s.1
                sums[c * lanes + 2] = s.2
                sums[c * lanes + 3] = s.3
                sums[c * lanes + 4] = s.4
                sums[c * lanes + 5] = s.5
                sums[c * lanes + 6] = s.6
                sums[c * lanes + 7] = s.7
              }
            }
            for (l, position) in block.enumerated() {
              for c in 0..<k { rowSums[c] = sums[c * lanes + l] }
              let own = Int(coding.codes[rows[position]])
              out[position - range.lowerBound] = silhouette(sums: rowSums, own: own, sizes: coding.sizes)
            }
            block.removeAll(keepingCapacity: true)
          }
          for position in range where coding.codes[rows[position]] >= 0 {
            block.append(position)
            if block.count == lanes { flush() }
          }
          flush()
        }
      }
      return out
    }
    try context.checkCancellation()
    return ContiguousArray(parts.joined())
  }

  /// The 8 query rows' (transposed in `q`) Euclidean distance sums over rows `from..<to` of `g` (row-major),
  /// each distance Σⱼ (qⱼ − gⱼ)² in j order from 0, square-rooted, added in row order: the operations of the
  /// scalar loop, lane by lane. Plain scalars, not `SIMD8<Double>` (as fast in release builds, much slower in
  /// debug builds and so in every test run); the compiler vectorizes the lanes. The sums of squares are ≥ +0, so
  /// `magnitude` leaves them unchanged, but it lets the compiler drop the libm fallback (for `errno` on negative
  /// input) that `squareRoot()` otherwise carries, so the square roots vectorize too (`sqrtpd`).
  @inline(__always)
  private static func blockSums(
    _ q: UnsafePointer<Double>, _ g: UnsafePointer<Double>, from: Int, to: Int, columns d: Int
  ) -> (Double, Double, Double, Double, Double, Double, Double, Double) {
    var a0 = 0.0
    var a1 = 0.0
    var a2 = 0.0
    var a3 = 0.0
    var a4 = 0.0
    var a5 = 0.0
    var a6 = 0.0
    var a7 = 0.0
    var o = from
    while o < to {
      let row = g + o &* d
      var s0 = 0.0
      var s1 = 0.0
      var s2 = 0.0
      var s3 = 0.0
      var s4 = 0.0
      var s5 = 0.0
      var s6 = 0.0
      var s7 = 0.0
      var j = 0
      while j < d {
        let v = row[j]
        let p = q + j &* 8
        let e0 = p[0] - v
        let e1 = p[1] - v
        let e2 = p[2] - v
        let e3 = p[3] - v
        let e4 = p[4] - v
        let e5 = p[5] - v
        let e6 = p[6] - v
        let e7 = p[7] - v
        s0 += e0 * e0
        s1 += e1 * e1
        s2 += e2 * e2
        s3 += e3 * e3
        s4 += e4 * e4
        s5 += e5 * e5
        s6 += e6 * e6
        s7 += e7 * e7
        j &+= 1
      }
      a0 += s0.magnitude.squareRoot()
      a1 += s1.magnitude.squareRoot()
      a2 += s2.magnitude.squareRoot()
      a3 += s3.magnitude.squareRoot()
      a4 += s4.magnitude.squareRoot()
      a5 += s5.magnitude.squareRoot()
      a6 += s6.magnitude.squareRoot()
      a7 += s7.magnitude.squareRoot()
      o &+= 1
    }
    return (a0, a1, a2, a3, a4, a5, a6, a7)
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
