import CKernels

extension Hierarchical {
  /// The centroids and sizes of Ward's clusters, stored for fast nearest-neighbour scans.
  ///
  /// Coordinate j of the cluster at position p is `columns[j × n + p]` (column by column, so the C kernel
  /// `segmenta_ward_nearest` reads four candidates per vector load); positions keep the clusters in ascending
  /// slot order, so the first minimum by position is the first by slot, as the chain requires. A merged-away
  /// cluster is marked removed in place (first coordinate +∞, size 0: it can never win a scan) and the positions
  /// are compacted once removed ones exceed a quarter of the live ones, so scans cost O(live clusters × d)
  /// amortised without moving memory on every merge.
  struct WardCentroids: @unchecked Sendable {
    // @unchecked: the buffers are written only between scans (`merge`, the marking in `nearest`); the chunks of a
    // scan only read them.
    private let columns: UnsafeMutableBufferPointer<Double>
    private let sizes: UnsafeMutableBufferPointer<Double>
    private let slotAt: UnsafeMutableBufferPointer<Int>
    private let positionOf: UnsafeMutableBufferPointer<Int>
    private let tip: UnsafeMutableBufferPointer<Double>
    private let stride: Int
    private let d: Int
    private var span: Int
    private var removed = 0

    /// Every row a cluster of its own, at position = slot = row.
    ///
    /// - Complexity: O(n × d) time and memory.
    init(_ data: FeatureMatrix) {
      let n = data.rows
      d = data.columns
      stride = n
      span = n
      columns = .allocate(capacity: n * d)
      sizes = .allocate(capacity: n)
      slotAt = .allocate(capacity: n)
      positionOf = .allocate(capacity: n)
      tip = .allocate(capacity: d)
      sizes.initialize(repeating: 1)
      for i in 0..<n {
        slotAt[i] = i
        positionOf[i] = i
        for j in 0..<d { columns[j * n + i] = data.values[i * d + j] }
      }
    }

    /// Frees the buffers; the store is unusable afterwards.
    func deallocate() {
      for buffer in [columns, sizes, tip] { buffer.deallocate() }
      slotAt.deallocate()
      positionOf.deallocate()
    }

    /// ΔSSE of merging the clusters in slots `a` and `b`: (nₐn_b/(nₐ+n_b))·‖cₐ−c_b‖², computed with the same
    /// operations as the scan (so the chain's comparisons agree with it exactly).
    func increase(_ a: Int, _ b: Int) -> Double {
      let (pa, pb) = (positionOf[a], positionOf[b])
      var squared = 0.0
      for j in 0..<d {
        let delta = columns[j * stride + pa] - columns[j * stride + pb]
        squared += delta * delta
      }
      return sizes[pa] * sizes[pb] / (sizes[pa] + sizes[pb]) * squared
    }

    /// The live cluster other than slot `x` with the smallest ΔSSE to `x`, the first in slot order on ties; the
    /// scan is split into chunks that depend on the number of positions only, combined by ``firstMinimum(_:)``.
    ///
    /// - Complexity: O(positions × d), over `context.threads`.
    func nearest(to x: Int, context: ExecutionContext) -> Candidate {
      let px = positionOf[x]
      for j in 0..<d { tip[j] = columns[j * stride + px] }
      let sizeX = sizes[px]
      columns[px] = .infinity  // x itself never wins; restored below
      defer { columns[px] = tip[0] }
      let store = self
      let parts = context.mapChunks(count: span, chunkCount: chunkCount(candidates: span, cost: d)) { _, range in
        let found = segmenta_ward_nearest(
          store.columns.baseAddress, store.stride, store.sizes.baseAddress, store.d, range.lowerBound,
          range.upperBound, store.tip.baseAddress, sizeX)
        return Candidate(value: found.value, index: found.position)
      }
      let best = firstMinimum(parts)
      return best.index < 0 ? best : Candidate(value: best.value, index: slotAt[best.index])
    }

    /// Moves the cluster in slot `low` into slot `high`: the size-weighted mean of the two centroids and the sum
    /// of the sizes.
    mutating func merge(_ low: Int, into high: Int) {
      let (pl, ph) = (positionOf[low], positionOf[high])
      let (nLow, nHigh) = (sizes[pl], sizes[ph])
      for j in 0..<d {
        let (l, h) = (j * stride + pl, j * stride + ph)
        columns[h] = (nLow * columns[l] + nHigh * columns[h]) / (nLow + nHigh)
      }
      sizes[ph] = nLow + nHigh
      sizes[pl] = 0
      columns[pl] = .infinity
      removed += 1
      if removed * 4 > span - removed { compact() }
    }

    /// Drops the removed positions, keeping the live ones in order.
    private mutating func compact() {
      var kept = 0
      for p in 0..<span where sizes[p] > 0 {
        for j in 0..<d { columns[j * stride + kept] = columns[j * stride + p] }
        sizes[kept] = sizes[p]
        slotAt[kept] = slotAt[p]
        positionOf[slotAt[kept]] = kept
        kept += 1
      }
      span = kept
      removed = 0
    }
  }
}
