import CKernels

/// Elkan's accelerated iterations (C. Elkan, "Using the triangle inequality to accelerate k-means", ICML 2003)
/// in scikit-learn's order (`_kmeans_single_elkan`, `_k_means_elkan.pyx`).
extension KMeans {
  /// Runs Elkan's algorithm from `centres`: the same labels, centres, inertia and iteration count as
  /// ``lloyd(_:centres:maxIterations:tolerance:context:)``, with most point–centre distances skipped.
  ///
  /// Each row keeps an upper bound on the distance to its centre and a lower bound on the distance to every
  /// centre; a centre is examined only when the bounds and half the centre–centre distance cannot rule it out.
  /// Unlike scikit-learn (which keeps the current centre on an exact tie) the tests are inclusive and exact
  /// squared distances decide, ties going to the lowest index, so that labels agree with Lloyd's argmin; they can
  /// differ only where two centres are equidistant within rounding of the bounds.
  ///
  /// - Complexity: O(iterations × n × k) bound updates plus the distances not skipped (O(n × k × d) per
  ///   iteration at worst, typically far fewer once centres settle); O(n × k) memory for the lower bounds.
  static func elkan(
    _ data: FeatureMatrix, centres start: ContiguousArray<Double>, maxIterations: Int, tolerance: Double,
    context: ExecutionContext
  ) throws(SegmentaError) -> SingleRun {
    try boundedRun(
      data, centres: start,
      bounds: ElkanBounds(
        data, centres: start,
        geometry: CentreGeometry(start, k: start.count / max(data.columns, 1), columns: data.columns), context: context),
      maxIterations: maxIterations,
      tolerance: tolerance, context: context)
  }

  /// Labels, upper bounds (n) and lower bounds (n × k, row-major) of Elkan's algorithm.
  private struct ElkanBounds: KMeansBounds {
    var labels: ContiguousArray<Int32>
    var upper: ContiguousArray<Double>
    var lower: ContiguousArray<Double>
    let k: Int
    /// Centre shifts since the last assignment, applied to a row's bounds when the next assignment visits it (one
    /// pass over the n × k bounds per iteration instead of two); zeros change nothing.
    private var pending: ContiguousArray<Double>

    /// scikit-learn's `init_bounds_dense`: the nearest centre of every row, computing the distance to centre j
    /// only when the best so far is not within half the distance between the two centres.
    init(_ data: FeatureMatrix, centres: ContiguousArray<Double>, geometry: CentreGeometry, context: ExecutionContext) {
      let n = data.rows
      let d = data.columns
      let k = centres.count / max(d, 1)
      self.k = k
      labels = ContiguousArray(repeating: 0, count: n)
      upper = ContiguousArray(repeating: 0, count: n)
      lower = ContiguousArray(repeating: 0, count: n * k)
      pending = ContiguousArray(repeating: 0, count: k)
      withDisjointChunkWriters(&labels, &upper, &lower) { labelOut, upperOut, lowerOut in
        _ = context.mapChunks(count: n, chunkCount: chunkCount(n)) { _, range in
          data.values.withUnsafeBufferPointer { x in
            centres.withUnsafeBufferPointer { c in
              geometry.halfDistances.withUnsafeBufferPointer { half in
                for i in range {
                  var best = 0
                  var bestSquared = squaredDistance(x, row: i, c, row: 0, columns: d)
                  var bestDistance = bestSquared.squareRoot()
                  lowerOut[i * k] = bestDistance
                  for j in 1..<max(k, 1) where bestDistance >= half[best * k + j] {
                    let squared = squaredDistance(x, row: i, c, row: j, columns: d)
                    let distance = squared.squareRoot()
                    lowerOut[i * k + j] = distance
                    if squared < bestSquared {
                      best = j
                      bestSquared = squared
                      bestDistance = distance
                    }
                  }
                  labelOut[i] = Int32(best)
                  upperOut[i] = bestDistance
                }
              }
            }
          }
        }
      }
    }

    /// scikit-learn's `_update_chunk_dense` with inclusive tests: re-labels the rows whose bounds do not rule
    /// out a closer centre and, when `accumulate`, returns the sums and counts for the M-step. Each row's bounds
    /// first absorb the pending centre shifts: the upper bound grows by its centre's shift, the lower bounds
    /// shrink by each centre's shift (not below 0), as scikit-learn does right after its M-step. The pass is the C
    /// kernel `segmenta_elkan_rows` (rows fetched ahead, the sums in a second pass as Lloyd's).
    mutating func assign(
      _ data: FeatureMatrix, centres: ContiguousArray<Double>, geometry: CentreGeometry, accumulate: Bool,
      context: ExecutionContext
    ) -> SegmentSums {
      let d = data.columns
      let k = self.k
      let shifts = pending
      pending = ContiguousArray(repeating: 0, count: k)
      let parts = withDisjointChunkWriters(&labels, &upper, &lower) { labelOut, upperOut, lowerOut in
        context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
          var step = SegmentSums(k: accumulate ? k : 0, columns: d)
          step.changed = step.withBuffers { sums, counts in
            data.values.withUnsafeBufferPointer { x in
              centres.withUnsafeBufferPointer { c in
                geometry.halfDistances.withUnsafeBufferPointer { half in
                  geometry.nearestHalf.withUnsafeBufferPointer { nearestHalf in
                    shifts.withUnsafeBufferPointer { shift in
                      segmenta_elkan_rows(
                        x.baseAddress, d, range.lowerBound, range.upperBound, c.baseAddress, k, half.baseAddress,
                        nearestHalf.baseAddress, shift.baseAddress, labelOut.base.baseAddress,
                        upperOut.base.baseAddress, lowerOut.base.baseAddress, accumulate ? sums.baseAddress : nil,
                        counts.baseAddress)
                    }
                  }
                }
              }
            }
          }
          return step
        }
      }
      return SegmentSums.total(parts, k: accumulate ? k : 0, columns: d)
    }

    /// The centres moved by `shifts`: the bounds absorb it in the next assignment.
    mutating func move(by shifts: ContiguousArray<Double>) { pending = shifts }

  }
}
