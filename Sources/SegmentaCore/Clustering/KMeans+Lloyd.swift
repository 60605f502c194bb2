/// Lloyd's iterations (Lloyd 1982) in scikit-learn's order (`_kmeans_single_lloyd`).
extension KMeans {
  /// Runs Lloyd's algorithm from `centres`.
  ///
  /// Each iteration assigns every row to its nearest centre (ties → lowest index), moves each centre to the
  /// mean of its rows (an empty segment is reseeded with the row farthest from its centre) and then stops if
  /// (1) no label changed ("strict convergence") or else (2) Σ‖Δc‖² ≤ `tolerance`. Unless (1) stopped it, rows
  /// are re-assigned once more so that labels match the final centres, as scikit-learn does. `iterations` is
  /// scikit-learn's `n_iter_`.
  ///
  /// - Complexity: O(iterations × n × k × d) time; O(n + chunks × k × d) memory.
  static func lloyd(
    _ data: FeatureMatrix, centres start: ContiguousArray<Double>, maxIterations: Int, tolerance: Double,
    context: ExecutionContext
  ) throws(SegmentaError) -> SingleRun {
    let k = start.count / max(data.columns, 1)
    var centres = start
    var labels = ContiguousArray<Int32>(repeating: -1, count: data.rows)
    var strict = false
    var iterations = 0
    for iteration in 0..<maxIterations {
      try context.checkCancellation()
      let step = assignStep(data, centres: centres, k: k, labels: &labels, accumulate: true, context: context)
      let updated = updatedCentres(data, centres: centres, labels: labels, step: step)
      let shift = squaredShift(centreShifts(from: centres, to: updated, columns: data.columns))
      centres = updated
      iterations = iteration + 1
      if !step.changed {
        strict = true
        break
      }
      if shift <= tolerance { break }
    }
    if !strict {
      _ = assignStep(data, centres: centres, k: k, labels: &labels, accumulate: false, context: context)
    }
    let inertia = inertia(data, centres: centres, labels: labels, context: context)
    return SingleRun(labels: labels, centres: centres, inertia: inertia, iterations: iterations)
  }

  /// The E-step (labels updated in place) with, when `accumulate`, the sums and counts for the M-step; parallel
  /// over fixed row chunks, reduced in chunk order.
  static func assignStep(
    _ data: FeatureMatrix, centres: ContiguousArray<Double>, k: Int, labels: inout ContiguousArray<Int32>,
    accumulate: Bool, context: ExecutionContext
  ) -> SegmentSums {
    let d = data.columns
    let kernel = CentreKernel(centres, k: k, columns: d)
    let parts = labels.withUnsafeMutableBufferPointer { labelBuffer in
      let shared = DisjointChunkWriter(labelBuffer)
      return context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
        var step: SegmentSums? = accumulate ? SegmentSums(k: k, columns: d) : nil
        let changed = data.values.withUnsafeBufferPointer { x in
          kernel.assign(x, rows: range, labels: shared, accumulatingInto: &step)
        }
        var part = step ?? SegmentSums(k: 0, columns: d)
        part.changed = changed
        return part
      }
    }
    return SegmentSums.total(parts, k: accumulate ? k : 0, columns: d)
  }
}
