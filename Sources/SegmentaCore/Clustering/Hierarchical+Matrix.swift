/// Complete and average linkage by the nearest-neighbour chain on a condensed distance matrix (Müllner 2011, §3.2,
/// as SciPy's `nn_chain`), updated with the Lance–Williams formulas (Lance & Williams 1967).
extension Hierarchical {
  /// Builds the complete- or average-linkage tree. The caller has checked the matrix against the memory limit.
  ///
  /// The condensed matrix holds the Euclidean distance of every pair i < j at n·i − i(i+1)/2 + (j − i − 1), filled
  /// in parallel row chunks. The chain is ``nearestNeighbourChain(rows:context:nearest:dissimilarity:merge:)``; after merging x < y into y, the
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
    return try distances.withUnsafeMutableBufferPointer { dist throws(SegmentaError) in
      try sizes.withUnsafeMutableBufferPointer { size throws(SegmentaError) in
        let at = { (i: Int, j: Int) -> Int in
          let (a, b) = i < j ? (i, j) : (j, i)
          return n * a - a * (a + 1) / 2 + (b - a - 1)
        }
        return try nearestNeighbourChain(
          rows: n, context: context,
          nearest: { x, active in
            var best = Candidate.none
            for i in active where i != x {
              let distance = dist[at(x, i)]
              if distance < best.value { best = Candidate(value: distance, index: i) }
            }
            return best
          },
          dissimilarity: { dist[at($0, $1)] },
          merge: { low, high, value, active in
            let (nLow, nHigh) = (Double(size[low]), Double(size[high]))
            for i in active where i != high {
              let (toLow, toHigh) = (dist[at(i, low)], dist[at(i, high)])
              dist[at(i, high)] =
                linkage == .complete ? max(toLow, toHigh) : (nLow * toLow + nHigh * toHigh) / (nLow + nHigh)
            }
            size[high] += size[low]
            size[low] = 0
            return value
          })
      }
    }
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
