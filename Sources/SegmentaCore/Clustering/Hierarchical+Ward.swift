/// Ward's linkage by the nearest-neighbour chain on centroids (Müllner 2011, §3.2, fastcluster's vector variant):
/// no distance matrix, only the centroid and size of every cluster.
extension Hierarchical {
  /// Builds Ward's tree with ``nearestNeighbourChain(rows:context:nearest:dissimilarity:merge:)``.
  ///
  /// Clusters are compared by ΔSSE = nₐn_b/(nₐ+n_b)‖cₐ−c_b‖², the merge height is √(2·ΔSSE), and the merged
  /// centroid is the size-weighted mean. Ward's criterion is reducible, so the chain applies.
  ///
  /// Differences of centroids lose relative precision when two clusters are close compared with their distance
  /// from the origin (unscaled features with large offsets), which SciPy's Lance–Williams recurrence on distances
  /// does not; on centred or scaled features the two agree to rounding.
  ///
  /// - Complexity: O(n² × d) time (O(n) searches of O(n × d), split into chunks); O(n × d) memory.
  static func wardChain(_ data: FeatureMatrix, context: ExecutionContext) throws(SegmentaError)
    -> ContiguousArray<RawMerge>
  {
    let d = data.columns
    var centroids = data.values
    var sizes = ContiguousArray<Int>(repeating: 1, count: data.rows)
    return try centroids.withUnsafeMutableBufferPointer { c throws(SegmentaError) in
      try sizes.withUnsafeMutableBufferPointer { size throws(SegmentaError) in
        let state = WardState(centroids: ChunkShared(buffer: c), sizes: ChunkShared(buffer: size), columns: d)
        return try nearestNeighbourChain(
          rows: data.rows, context: context,
          nearest: { x, active in state.nearest(to: x, among: ChunkShared(buffer: active), context: context) },
          dissimilarity: state.increase,
          merge: { low, high, value, _ in
            let (nLow, nHigh) = (Double(size[low]), Double(size[high]))
            for j in 0..<d { c[high * d + j] = (nLow * c[low * d + j] + nHigh * c[high * d + j]) / (nLow + nHigh) }
            size[high] += size[low]
            size[low] = 0
            return (2 * value).squareRoot()
          })
      }
    }
  }

  /// The centroids and sizes of the clusters, readable from parallel chunks.
  private struct WardState: Sendable {
    let centroids: ChunkShared<Double>
    let sizes: ChunkShared<Int>
    let columns: Int

    /// ΔSSE of merging clusters `a` and `b`: nₐn_b/(nₐ+n_b)‖cₐ−c_b‖².
    @inline(__always)
    func increase(_ a: Int, _ b: Int) -> Double {
      let (na, nb) = (sizes.buffer[a], sizes.buffer[b])
      let c = UnsafeBufferPointer(centroids.buffer)
      return Double(na * nb) / Double(na + nb) * squaredDistance(c, a, b, columns: columns)
    }

    /// The active cluster other than `x` with the smallest ΔSSE to `x`, the first in slot order on ties.
    func nearest(to x: Int, among active: ChunkShared<Int>, context: ExecutionContext) -> Candidate {
      let count = active.buffer.count
      let parts = context.mapChunks(count: count, chunkCount: chunkCount(candidates: count, cost: columns)) {
        _, range in
        var best = Candidate.none
        for position in range {
          let i = active.buffer[position]
          if i == x { continue }
          let value = increase(x, i)
          if value < best.value { best = Candidate(value: value, index: i) }
        }
        return best
      }
      return firstMinimum(parts)
    }
  }
}
