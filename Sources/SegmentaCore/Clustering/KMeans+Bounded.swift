/// The iteration driver shared by the bounded (accelerated) k-means schemes, Elkan's and Hamerly's: they differ
/// only in the bounds that let an assignment skip distances, not in the order of the steps.
protocol KMeansBounds {
  /// The current label of every row.
  var labels: ContiguousArray<Int32> { get }
  /// Re-labels the rows whose bounds do not rule out a closer centre; with `accumulate`, returns the M-step sums.
  mutating func assign(
    _ data: FeatureMatrix, centres: ContiguousArray<Double>, geometry: KMeans.CentreGeometry, accumulate: Bool,
    context: ExecutionContext
  ) -> KMeans.SegmentSums
  /// Records the centre shifts, to be absorbed by the bounds at the next assignment.
  mutating func move(by shifts: ContiguousArray<Double>)
}

extension KMeans {
  /// Iterates a bounded scheme in scikit-learn's order (assign, update, shift, convergence on unchanged labels,
  /// then on the total squared shift), relabelling once more after a non-strict stop, exactly like Lloyd.
  ///
  /// - Complexity: per iteration, the scheme's assignment plus O(n × d) for the update.
  static func boundedRun<Bounds: KMeansBounds>(
    _ data: FeatureMatrix, centres start: ContiguousArray<Double>, bounds initial: Bounds, maxIterations: Int,
    tolerance: Double, context: ExecutionContext
  ) throws(SegmentaError) -> SingleRun {
    let d = data.columns
    let k = start.count / max(d, 1)
    var centres = start
    var geometry = CentreGeometry(centres, k: k, columns: d)
    var bounds = initial
    var strict = false
    var iterations = 0
    for iteration in 0..<maxIterations {
      try context.checkCancellation()
      var step = bounds.assign(data, centres: centres, geometry: geometry, accumulate: true, context: context)
      // scikit-learn compares with labels of −1 before the first iteration: it never converges strictly there.
      step.changed = step.changed || iteration == 0
      let updated = updatedCentres(data, centres: centres, labels: bounds.labels, step: step)
      let shifts = centreShifts(from: centres, to: updated, columns: d)
      bounds.move(by: shifts)
      centres = updated
      geometry = CentreGeometry(centres, k: k, columns: d)
      iterations = iteration + 1
      if !step.changed {
        strict = true
        break
      }
      if squaredShift(shifts) <= tolerance { break }
    }
    if !strict {
      _ = bounds.assign(data, centres: centres, geometry: geometry, accumulate: false, context: context)
    }
    let inertia = inertia(data, centres: centres, labels: bounds.labels, context: context)
    return SingleRun(labels: bounds.labels, centres: centres, inertia: inertia, iterations: iterations)
  }
}

extension KMeans {
  /// A pass of a bounded scheme whose bounds do not pay yet: Lloyd's E-step. While the centres move far, nearly
  /// every row needs a scan whatever its bounds, and keeping the bounds up to date costs more than the distances
  /// they save (Elkan: 2–3× a Lloyd pass, docs/performance.md run 12). `settled` says that at most 1/16 of the
  /// labels changed: from the next pass on the scheme keeps its bounds (its first bounded pass scans every row, so
  /// the bounds start exact). The change count is exact, so the switch does not depend on the thread count, and
  /// both passes give the exact nearest centre, so the results do not change.
  static func settlingPass(
    _ data: FeatureMatrix, centres: ContiguousArray<Double>, k: Int, labels: inout ContiguousArray<Int32>,
    accumulate: Bool, context: ExecutionContext
  ) -> (step: SegmentSums, settled: Bool) {
    let previous = labels
    let step = assignStep(data, centres: centres, k: k, labels: &labels, accumulate: accumulate, context: context)
    let changed = zip(previous, labels).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
    return (step, changed * 16 <= data.rows)
  }
}
