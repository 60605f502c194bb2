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
    ///
    /// Each candidate's ΔSSE is computed exactly as ``increase(_:_:)`` computes it (so the tree does not change),
    /// from raw pointers with `x`'s centroid and size hoisted. The division nₐn_b/(nₐ+n_b) is skipped for a
    /// candidate that cannot win: nₐn_b/(nₐ+n_b) ≥ nₐ/(nₐ+1) for every n_b ≥ 1, and rounding is monotone, so when
    /// (nₐ/(nₐ+1))·‖cₐ−c_b‖² is already ≥ the best value so far, the exact value is too and would not replace it.
    func nearest(to x: Int, among active: ChunkShared<Int>, context: ExecutionContext) -> Candidate {
      let count = active.buffer.count
      let d = columns
      let parts = context.mapChunks(count: count, chunkCount: chunkCount(candidates: count, cost: columns)) {
        _, range in
        var best = Candidate.none
        guard let c = centroids.buffer.baseAddress, let slots = active.buffer.baseAddress,
          let size = sizes.buffer.baseAddress
        else { return best }
        let na = size[x]
        let floorWeight = Double(na) / Double(na + 1)
        let xRow = UnsafePointer(c + x &* d)
        for position in range {
          let i = slots[position]
          if i == x { continue }
          let row = UnsafePointer(c + i &* d)
          var squared = 0.0
          var j = 0
          while j < d {
            let delta = xRow[j] - row[j]
            squared += delta * delta
            j &+= 1
          }
          if floorWeight * squared >= best.value { continue }
          let nb = size[i]
          let value = Double(na * nb) / Double(na + nb) * squared
          if value < best.value { best = Candidate(value: value, index: i) }
        }
        return best
      }
      return firstMinimum(parts)
    }
  }
}
