import CKernels

/// Hamerly's accelerated iterations (G. Hamerly, "Making k-means even faster", SIAM SDM 2010).
extension KMeans {
  /// Runs Hamerly's algorithm from `centres`: the same labels, centres, inertia and iteration count as
  /// ``lloyd(_:centres:maxIterations:tolerance:context:)``, with most rows not examined at all once the centres
  /// settle.
  ///
  /// Each row keeps an upper bound on the distance to its centre and one lower bound on the distance to every
  /// other centre; a row is rescanned only when its upper bound reaches the larger of that lower bound and half
  /// the distance from its centre to the nearest other centre. Tests are inclusive and exact squared distances
  /// decide, ties going to the lowest index, so labels agree with Lloyd's argmin; they can differ only where two
  /// centres are equidistant within rounding of the bounds.
  ///
  /// - Complexity: O(iterations × n) bound updates plus O(k × d) per rescanned row (O(n × k × d) per iteration at
  ///   worst); O(n) memory for the bounds — less than Elkan's O(n × k), and usually faster when d is small.
  static func hamerly(
    _ data: FeatureMatrix, centres start: ContiguousArray<Double>, maxIterations: Int, tolerance: Double,
    context: ExecutionContext
  ) throws(SegmentaError) -> SingleRun {
    try boundedRun(
      data, centres: start, scheme: HamerlyBounds.self, maxIterations: maxIterations, tolerance: tolerance,
      context: context)
  }

  /// Labels, upper bounds and lower bounds (one per row) of Hamerly's algorithm.
  private struct HamerlyBounds: KMeansBounds {
    var labels: ContiguousArray<Int32>
    var upper: ContiguousArray<Double>
    var lower: ContiguousArray<Double>
    /// Centre shifts since the last assignment, applied to a row's bounds when the next assignment visits it;
    /// zeros change nothing.
    private var pending: ContiguousArray<Double>

    /// An infinite upper and a zero lower bound: the first assignment examines every row.
    init(labels: ContiguousArray<Int32>, k: Int) {
      self.labels = labels
      upper = ContiguousArray(repeating: .infinity, count: labels.count)
      lower = ContiguousArray(repeating: 0, count: labels.count)
      pending = ContiguousArray(repeating: 0, count: k)
    }

    /// Re-labels the rows whose bounds do not rule out a closer centre and, when `accumulate`, returns the sums
    /// and counts for the M-step. Each row's bounds first absorb the pending centre shifts: the upper bound grows
    /// by its centre's shift, the lower bound shrinks by the largest shift among the other centres. The pass is
    /// the C kernel `segmenta_hamerly_rows`: the rows to rescan are collected and scanned four per vector with
    /// the distances of Lloyd's E-step.
    mutating func assign(
      _ data: FeatureMatrix, centres: ContiguousArray<Double>, geometry: CentreGeometry, accumulate: Bool,
      context: ExecutionContext
    ) -> SegmentSums {
      let d = data.columns
      let k = geometry.nearestHalf.count
      let shifts = pending
      pending = ContiguousArray(repeating: 0, count: k)
      let largest = shifts.indices.max { shifts[$0] < shifts[$1] || (shifts[$0] == shifts[$1] && $0 > $1) } ?? 0
      let runnerUp = shifts.indices.filter { $0 != largest }.map { shifts[$0] }.max() ?? 0
      let parts = withDisjointChunkWriters(&labels, &upper, &lower) { labelOut, upperOut, lowerOut in
        context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
          var step = SegmentSums(k: accumulate ? k : 0, columns: d)
          step.changed = step.withBuffers { sums, counts in
            data.values.withUnsafeBufferPointer { x in
              centres.withUnsafeBufferPointer { c in
                geometry.nearestHalf.withUnsafeBufferPointer { nearestHalf in
                  shifts.withUnsafeBufferPointer { shift in
                    segmenta_hamerly_rows(
                      x.baseAddress, d, range.lowerBound, range.upperBound, c.baseAddress, k,
                      nearestHalf.baseAddress, shift.baseAddress, largest, runnerUp, labelOut.base.baseAddress,
                      upperOut.base.baseAddress, lowerOut.base.baseAddress, accumulate ? sums.baseAddress : nil,
                      counts.baseAddress)
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
