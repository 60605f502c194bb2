/// The iteration driver shared by the bounded (accelerated) k-means schemes, Elkan's and Hamerly's: they differ
/// only in the bounds that let an assignment skip distances, not in the order of the steps.
protocol KMeansBounds {
  /// Bounds for rows labelled `labels` that rule nothing out yet (the first assignment scans every row, which
  /// makes them exact).
  init(labels: ContiguousArray<Int32>, k: Int)
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
  /// The first passes are Lloyd's E-step, without bounds: while the centres move far, nearly every row needs a scan
  /// whatever its bounds, and keeping the bounds up to date costs more than the distances they save (Elkan: 2–3×
  /// a Lloyd pass, docs/performance.md run 12). Once a pass changes at most 1/16 of the labels, the scheme's bounds
  /// take over from the next pass on. The change count is exact, so the switch does not depend on the thread
  /// count, and both passes give the exact nearest centre, so the results do not change.
  ///
  /// - Complexity: per iteration, the scheme's assignment (or Lloyd's) plus O(n × d) for the update.
  static func boundedRun<Bounds: KMeansBounds>(
    _ data: FeatureMatrix, centres start: ContiguousArray<Double>, scheme: Bounds.Type, maxIterations: Int,
    tolerance: Double, context: ExecutionContext
  ) throws(SegmentaError) -> SingleRun {
    let d = data.columns
    let k = start.count / max(d, 1)
    var centres = start
    var geometry = CentreGeometry(centres, k: k, columns: d)
    var settlingLabels = ContiguousArray<Int32>(repeating: 0, count: data.rows)
    var bounds: Bounds?
    func assign(accumulate: Bool) -> SegmentSums {
      if bounds != nil {
        return bounds!.assign(data, centres: centres, geometry: geometry, accumulate: accumulate, context: context)
      }
      let previous = settlingLabels
      let step = assignStep(
        data, centres: centres, k: k, labels: &settlingLabels, accumulate: accumulate, context: context)
      if zip(previous, settlingLabels).reduce(0, { $0 + ($1.0 == $1.1 ? 0 : 1) }) * 16 <= data.rows {
        bounds = Bounds(labels: settlingLabels, k: k)
        settlingLabels = []
      }
      return step
    }
    var strict = false
    var iterations = 0
    for iteration in 0..<maxIterations {
      try context.checkCancellation()
      var step = assign(accumulate: true)
      // scikit-learn compares with labels of −1 before the first iteration: it never converges strictly there.
      step.changed = step.changed || iteration == 0
      let updated = updatedCentres(data, centres: centres, labels: bounds?.labels ?? settlingLabels, step: step)
      let shifts = centreShifts(from: centres, to: updated, columns: d)
      bounds?.move(by: shifts)
      centres = updated
      geometry = CentreGeometry(centres, k: k, columns: d)
      iterations = iteration + 1
      if !step.changed {
        strict = true
        break
      }
      if squaredShift(shifts) <= tolerance { break }
    }
    if !strict { _ = assign(accumulate: false) }
    let labels = bounds?.labels ?? settlingLabels
    let inertia = inertia(data, centres: centres, labels: labels, context: context)
    return SingleRun(labels: labels, centres: centres, inertia: inertia, iterations: iterations)
  }
}
