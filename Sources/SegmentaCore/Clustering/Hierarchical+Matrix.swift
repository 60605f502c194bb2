/// Complete and average linkage by the nearest-neighbour chain on a condensed distance matrix (Müllner 2011, §3.2,
/// as SciPy's `nn_chain`), updated with the Lance–Williams formulas (Lance & Williams 1967).
extension Hierarchical {
  /// Builds the complete- or average-linkage tree. The caller has checked the matrix against the memory limit.
  ///
  /// The condensed matrix holds the Euclidean distance of every pair i < j at n·i − i(i+1)/2 + (j − i − 1), filled
  /// in parallel row chunks. The chain runs as in ``wardChain(_:context:)``; after merging x < y into y, the
  /// distance of every other active cluster i to y becomes max(dᵢₓ, dᵢᵧ) (complete) or
  /// (nₓdᵢₓ + nᵧdᵢᵧ)/(nₓ + nᵧ) (average).
  ///
  /// - Complexity: O(n² × d) time to fill the matrix and O(n²) for the chain; O(n²) memory.
  static func matrixChain(_ data: FeatureMatrix, linkage: Linkage, context: ExecutionContext) throws(SegmentaError)
    -> ContiguousArray<RawMerge>
  {
    precondition(linkage == .complete || linkage == .average, "matrix chain is for complete and average")
    let n = data.rows
    var distances = try condensedDistances(data, context: context)
    var sizes = ContiguousArray<Int>(repeating: 1, count: n)
    var active = ContiguousArray<Int>(0..<n)
    var merges = ContiguousArray<RawMerge>()
    merges.reserveCapacity(max(n - 1, 0))
    try distances.withUnsafeMutableBufferPointer { dist throws(SegmentaError) in
      try sizes.withUnsafeMutableBufferPointer { size throws(SegmentaError) in
        try active.withUnsafeMutableBufferPointer { slots throws(SegmentaError) in
          let at = { (i: Int, j: Int) -> Int in
            let (a, b) = i < j ? (i, j) : (j, i)
            return n * a - a * (a + 1) / 2 + (b - a - 1)
          }
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
              var best = Candidate.none
              for position in 0..<activeCount {
                let i = slots[position]
                if i == x { continue }
                let distance = dist[at(x, i)]
                if distance < best.value { best = Candidate(value: distance, index: i) }
              }
              if chain.count > 1 {
                let previous = chain[chain.count - 2]
                if !(best.value < dist[at(x, previous)]) {
                  y = previous
                  value = dist[at(x, previous)]
                  break
                }
              }
              y = best.index
              value = best.value
              chain.append(y)
            }
            chain.removeLast(2)
            let (low, high) = (min(x, y), max(x, y))
            merges.append(RawMerge(a: low, b: high, height: value))
            activeCount = remove(low, from: slots, count: activeCount)
            let (nLow, nHigh) = (Double(size[low]), Double(size[high]))
            for position in 0..<activeCount where slots[position] != high {
              let i = slots[position]
              let (toLow, toHigh) = (dist[at(i, low)], dist[at(i, high)])
              dist[at(i, high)] =
                linkage == .complete ? max(toLow, toHigh) : (nLow * toLow + nHigh * toHigh) / (nLow + nHigh)
            }
            size[high] += size[low]
            size[low] = 0
          }
        }
      }
    }
    return merges
  }

  /// Euclidean distances of all pairs i < j in SciPy's condensed order, written in parallel by row chunks (each
  /// chunk owns the entries of its rows).
  ///
  /// - Complexity: O(n² × d) time, n(n−1)/2 doubles.
  static func condensedDistances(_ data: FeatureMatrix, context: ExecutionContext) throws(SegmentaError)
    -> ContiguousArray<Double>
  {
    let n = data.rows
    let d = data.columns
    let pairs = n * (n - 1) / 2
    try context.checkCancellation()
    return ContiguousArray(unsafeUninitializedCapacity: pairs) { buffer, initialized in
      let shared = ChunkShared(buffer: buffer)
      _ = context.mapChunks(count: n, chunkCount: chunkCount(candidates: n * n / 2, cost: d)) { _, range in
        data.values.withUnsafeBufferPointer { x in
          for i in range {
            var index = n * i - i * (i + 1) / 2
            for j in (i + 1)..<max(n, i + 1) {
              shared.buffer.initializeElement(at: index, to: squaredDistance(x, i, j, columns: d).squareRoot())
              index += 1
            }
          }
        }
      }
      initialized = pairs
    }
  }
}
