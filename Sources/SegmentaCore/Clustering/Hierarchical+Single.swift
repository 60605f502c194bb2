/// Single linkage as a minimum spanning tree grown by Prim's algorithm (Müllner 2011, §3.1; Gower & Ross 1969,
/// "Minimum spanning trees and single linkage cluster analysis"), distances computed on the fly.
extension Hierarchical {
  /// Builds the single-linkage tree.
  ///
  /// Starting from row 0, each step adds the outside row closest to the tree (the first in row order on ties, as
  /// SciPy's `mst_single_linkage`), after lowering every outside row's distance to the tree by its distance to the
  /// row added last. Each tree edge is one merge at its length; sorting the edges by length gives the single-linkage
  /// dendrogram (Kruskal's order).
  ///
  /// - Complexity: O(n² × d) time (n − 1 scans of O(n × d), split into chunks); O(n) memory.
  static func primSingle(_ data: FeatureMatrix, context: ExecutionContext) throws(SegmentaError)
    -> ContiguousArray<RawMerge>
  {
    let n = data.rows
    // Squared distance of every outside row to the tree, and the tree row it was measured to.
    var reach = ContiguousArray<Double>(repeating: .infinity, count: n)
    var via = ContiguousArray<Int>(repeating: 0, count: n)
    var outside = ContiguousArray<Int>(1..<max(n, 1))
    var merges = ContiguousArray<RawMerge>()
    merges.reserveCapacity(max(n - 1, 0))
    try reach.withUnsafeMutableBufferPointer { reach throws(SegmentaError) in
      try via.withUnsafeMutableBufferPointer { via throws(SegmentaError) in
        try outside.withUnsafeMutableBufferPointer { outside throws(SegmentaError) in
          let state = PrimState(
            data: data, reach: ChunkShared(buffer: reach), via: ChunkShared(buffer: via),
            outside: ChunkShared(buffer: outside))
          var last = 0
          var outsideCount = n - 1
          for _ in 0..<max(n - 1, 0) {
            try context.checkCancellation()
            let next = state.step(adding: last, outsideCount: outsideCount, context: context)
            merges.append(RawMerge(a: via[next.index], b: next.index, height: next.value.squareRoot()))
            outsideCount = remove(next.index, from: outside, count: outsideCount)
            last = next.index
          }
        }
      }
    }
    return merges
  }

  /// Prim's working arrays, shared with parallel chunks; each chunk writes only the entries of its own rows.
  private struct PrimState: Sendable {
    let data: FeatureMatrix
    let reach: ChunkShared<Double>
    let via: ChunkShared<Int>
    let outside: ChunkShared<Int>

    /// Lowers the outside rows' reach by their distance to `added` and returns the closest outside row.
    func step(adding added: Int, outsideCount: Int, context: ExecutionContext) -> Candidate {
      let d = data.columns
      let chunks = chunkCount(candidates: outsideCount, cost: d)
      let parts = context.mapChunks(count: outsideCount, chunkCount: chunks) { _, range in
        data.values.withUnsafeBufferPointer { x in
          var best = Candidate.none
          for position in range {
            let i = outside.buffer[position]
            let distance = squaredDistance(x, added, i, columns: d)
            if reach.buffer[i] > distance {
              reach.buffer[i] = distance
              via.buffer[i] = added
            }
            if reach.buffer[i] < best.value { best = Candidate(value: reach.buffer[i], index: i) }
          }
          return best
        }
      }
      return firstMinimum(parts)
    }
  }
}
