import CKernels

/// Elkan's accelerated iterations (C. Elkan, "Using the triangle inequality to accelerate k-means", ICML 2003)
/// in scikit-learn's order (`_kmeans_single_elkan`, `_k_means_elkan.pyx`).
extension KMeans {
  /// Runs Elkan's algorithm from `centres`: the same labels, centres, inertia and iteration count as
  /// ``lloyd(_:centres:maxIterations:tolerance:context:)``, with most point–centre distances skipped.
  ///
  /// Each row keeps an upper bound on the distance to its centre and a lower bound on the distance to every
  /// centre; a row is scanned only when the bounds and half the centre–centre distance cannot rule out every
  /// other centre. The scan computes all k distances (four rows per vector, as Lloyd's E-step: cheaper than
  /// Elkan's per-centre branches at small k, and it leaves every bound exact), and the exact squared distances
  /// decide, ties going to the lowest index, so that labels agree with Lloyd's argmin (scikit-learn keeps the
  /// current centre on an exact tie). The bounds are rounded outward and the tests inclusive, so a row whose label
  /// could change is never skipped.
  ///
  /// - Complexity: O(iterations × n × k) bound reads plus O(k × d) per scanned row (O(n × k × d) per iteration
  ///   at worst, typically a few percent of the rows once centres settle); O(n × k) memory for the lower bounds
  ///   (4 bytes each).
  static func elkan(
    _ data: FeatureMatrix, centres start: ContiguousArray<Double>, maxIterations: Int, tolerance: Double,
    context: ExecutionContext
  ) throws(SegmentaError) -> SingleRun {
    try boundedRun(
      data, centres: start, scheme: ElkanBounds.self, maxIterations: maxIterations, tolerance: tolerance,
      context: context)
  }

  /// Labels and Elkan's bounds: per row an upper bound (n) and a lower bound per centre (n × k, row-major), in
  /// single precision rounded outward (half the memory traffic of doubles), each row's as of the assignment that
  /// last wrote it (`stamps`). Only rows whose bounds do not rule every other centre out are written back; the
  /// centres' movement since each stamp is kept in `drift`, so the other rows are only read.
  private struct ElkanBounds: KMeansBounds {
    var labels: ContiguousArray<Int32>
    var upper: ContiguousArray<Float>
    var lower: ContiguousArray<Float>
    var stamps: ContiguousArray<UInt8>
    let k: Int
    /// drift[s × k + j]: at most how far centre j has moved since the assignment that stamped s (the shifts
    /// since then summed, each sum rounded up); the last row, zeros, is the current assignment's stamp.
    private var drift: ContiguousArray<Double>

    /// An infinite upper bound and zero lower bounds: the first assignment scans every row, which makes every
    /// bound the exact distance (scikit-learn's `init_bounds_dense` skips the centres that half the centre–centre
    /// distance rules out; with four rows per vector that saves little and leaves looser bounds).
    init(labels: ContiguousArray<Int32>, k: Int) {
      let n = labels.count
      self.k = k
      self.labels = labels
      upper = ContiguousArray(repeating: .infinity, count: n)
      lower = ContiguousArray(repeating: 0, count: n * k)
      stamps = ContiguousArray(repeating: 0, count: n)
      drift = ContiguousArray(repeating: 0, count: k)
    }

    /// Scans the rows whose bounds do not rule out a closer centre and, when `accumulate`, returns the sums and
    /// counts for the M-step. A row's bounds are its stored ones moved by the drift since its stamp: the upper
    /// bound grows by its centre's drift, the lower bounds shrink by each centre's. The pass is the C kernel
    /// `segmenta_elkan_rows` (the rows to scan collected four per vector, rows fetched ahead, the sums in a second
    /// pass as Lloyd's). Every 255 assignments all rows are written back with stamp 0 and the drift restarts, so
    /// the stamps fit a byte and the drift table stays small.
    mutating func assign(
      _ data: FeatureMatrix, centres: ContiguousArray<Double>, geometry: CentreGeometry, accumulate: Bool,
      context: ExecutionContext
    ) -> SegmentSums {
      let d = data.columns
      let k = self.k
      let current = drift.count / max(k, 1) - 1
      let refresh = current == Int(UInt8.max)
      let stamp = UInt8(refresh ? 0 : current)
      let drift = self.drift
      let parts = withDisjointChunkWriters(&labels, &upper, &lower) { labelOut, upperOut, lowerOut in
        stamps.withUnsafeMutableBufferPointer { stampBuffer in
          let stampOut = DisjointChunkWriter(stampBuffer)
          return context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
            var step = SegmentSums(k: accumulate ? k : 0, columns: d)
            step.changed = step.withBuffers { sums, counts in
              data.values.withUnsafeBufferPointer { x in
                centres.withUnsafeBufferPointer { c in
                  geometry.halfDistances.withUnsafeBufferPointer { others in
                    geometry.nearestHalf.withUnsafeBufferPointer { nearestHalf in
                      drift.withUnsafeBufferPointer { moved in
                        segmenta_elkan_rows(
                          x.baseAddress, d, range.lowerBound, range.upperBound, c.baseAddress, k, others.baseAddress,
                          nearestHalf.baseAddress, moved.baseAddress, stamp, refresh, labelOut.base.baseAddress,
                          upperOut.base.baseAddress, lowerOut.base.baseAddress, stampOut.base.baseAddress,
                          accumulate ? sums.baseAddress : nil, counts.baseAddress)
                      }
                    }
                  }
                }
              }
            }
            return step
          }
        }
      }
      if refresh { self.drift = ContiguousArray(repeating: 0, count: k) }
      return SegmentSums.total(parts, k: accumulate ? k : 0, columns: d)
    }

    /// The centres moved by `shifts`: every stamp's drift grows by them (rounded up, so it stays an upper bound
    /// on the movement), and the next assignment's stamp starts at zero.
    mutating func move(by shifts: ContiguousArray<Double>) {
      for index in drift.indices where shifts[index % k] > 0 {
        drift[index] = (drift[index] + shifts[index % k]).nextUp
      }
      drift.append(contentsOf: repeatElement(0, count: k))
    }
  }
}
