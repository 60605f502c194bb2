/// Ward's linkage by the nearest-neighbour chain on centroids (Müllner 2011, §3.2 and fastcluster's vector
/// variant): no distance matrix, only the centroid and size of every cluster.
extension Hierarchical {
  /// Builds Ward's tree.
  ///
  /// The chain starts at the lowest active cluster and repeatedly steps to the nearest neighbour of its tip,
  /// preferring the previous chain element on ties (SciPy's `nn_chain`), until two clusters are each other's
  /// nearest neighbours; those merge into the higher slot, whose centroid becomes the size-weighted mean. Candidates
  /// are compared by ΔSSE = nₐn_b/(nₐ+n_b)‖cₐ−c_b‖², and the height is √(2·ΔSSE). Ward's criterion is reducible,
  /// so the rest of the chain stays valid after a merge.
  ///
  /// Differences of centroids lose relative precision when two clusters are close compared with their distance
  /// from the origin (unscaled features with large offsets), which SciPy's Lance–Williams recurrence on distances
  /// does not; on centred or scaled features the two agree to rounding.
  ///
  /// - Complexity: O(n² × d) time (O(n) searches of O(n × d), split into chunks); O(n × d) memory.
  static func wardChain(_ data: FeatureMatrix, context: ExecutionContext) throws(SegmentaError)
    -> ContiguousArray<RawMerge>
  {
    let n = data.rows
    let d = data.columns
    var centroids = data.values
    var sizes = ContiguousArray<Int>(repeating: 1, count: n)
    var active = ContiguousArray<Int>(0..<n)
    var merges = ContiguousArray<RawMerge>()
    merges.reserveCapacity(max(n - 1, 0))
    try centroids.withUnsafeMutableBufferPointer { c throws(SegmentaError) in
      try sizes.withUnsafeMutableBufferPointer { size throws(SegmentaError) in
        try active.withUnsafeMutableBufferPointer { slots throws(SegmentaError) in
          let shared = WardState(centroids: ChunkShared(buffer: c), sizes: ChunkShared(buffer: size), columns: d)
          var activeCount = n
          var chain: [Int] = []
          for _ in 0..<max(n - 1, 0) {
            try context.checkCancellation()
            if chain.isEmpty { chain.append(slots[0]) }
            var x = chain[chain.count - 1]
            var y = -1
            var value = Double.infinity
            while true {
              x = chain[chain.count - 1]
              let nearest = shared.nearest(
                to: x, among: ChunkShared(buffer: slots), count: activeCount, context: context)
              if chain.count > 1 {
                let previous = chain[chain.count - 2]
                let previousValue = shared.increase(x, previous)
                if !(nearest.value < previousValue) {
                  y = previous
                  value = previousValue
                  break
                }
              }
              y = nearest.index
              value = nearest.value
              chain.append(y)
            }
            chain.removeLast(2)
            let (low, high) = (min(x, y), max(x, y))
            merges.append(RawMerge(a: low, b: high, height: (2 * value).squareRoot()))
            let (nLow, nHigh) = (Double(size[low]), Double(size[high]))
            for j in 0..<d { c[high * d + j] = (nLow * c[low * d + j] + nHigh * c[high * d + j]) / (nLow + nHigh) }
            size[high] += size[low]
            size[low] = 0
            activeCount = remove(low, from: slots, count: activeCount)
          }
        }
      }
    }
    return merges
  }

  /// Removes `slot` from the ascending prefix `slots[0..<count]`; returns the new count.
  static func remove(_ slot: Int, from slots: UnsafeMutableBufferPointer<Int>, count: Int) -> Int {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if slots[mid] < slot { low = mid + 1 } else { high = mid }
    }
    precondition(low < count && slots[low] == slot, "slot \(slot) is not active")
    for position in low..<(count - 1) { slots[position] = slots[position + 1] }
    return count - 1
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
    func nearest(to x: Int, among slots: ChunkShared<Int>, count: Int, context: ExecutionContext) -> Candidate {
      let chunks = chunkCount(candidates: count, cost: columns)
      let parts = context.mapChunks(count: count, chunkCount: chunks) { _, range in
        var best = Candidate.none
        for position in range {
          let i = slots.buffer[position]
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
