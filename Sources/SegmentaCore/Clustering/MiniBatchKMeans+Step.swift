/// One mini-batch step (scikit-learn's `_mini_batch_step`, `_minibatch_update_dense`) and the early stopping
/// rule (`_mini_batch_convergence`).
extension MiniBatchKMeans {
  /// The centres, how many rows each has absorbed, and reusable buffers for the batch.
  struct MiniBatchState {
    private(set) var centres: ContiguousArray<Double>
    /// Rows absorbed per centre: the learning rate of centre c is 1 / counts[c].
    private var counts: ContiguousArray<Int>
    private let k: Int
    private let d: Int
    private let batch: Int
    private var sinceReassignment = 0
    private var rows: ContiguousArray<Double>
    /// Σ‖Δc‖² of the last step.
    private(set) var lastSquaredShift = 0.0

    init(centres: ContiguousArray<Double>, k: Int, columns d: Int, batch: Int) {
      self.centres = centres
      counts = ContiguousArray(repeating: 0, count: k)
      self.k = k
      self.d = d
      self.batch = batch
      rows = ContiguousArray(repeating: 0, count: batch * d)
    }

    /// Draws a batch (uniformly, with replacement), assigns it to the current centres, moves the centres and
    /// reseeds starved ones; returns the batch inertia against the centres before the move.
    mutating func step(
      _ data: FeatureMatrix, reassignmentRatio: Double, rng: inout SeededRandom, context: ExecutionContext
    ) -> Double {
      let d = self.d
      data.values.withUnsafeBufferPointer { x in
        rows.withUnsafeMutableBufferPointer { out in
          for b in 0..<batch {
            let i = rng.nextInt(below: data.rows)
            for j in 0..<d { out[b * d + j] = x[i * d + j] }
          }
        }
      }
      let reassign = dueForReassignment()
      let assigned = MiniBatchKMeans.assignBatch(rows, columns: d, centres: centres, k: k, context: context)
      var updated = movedCentres(labels: assigned.labels)
      if reassign && reassignmentRatio > 0 {
        reseedStarved(&updated, ratio: reassignmentRatio, rng: &rng)
      }
      lastSquaredShift = zip(updated, centres).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
      centres = updated
      return assigned.inertia
    }

    /// scikit-learn's `_random_reassign`: every 10·k rows, and whenever a centre has absorbed none yet.
    private mutating func dueForReassignment() -> Bool {
      sinceReassignment += batch
      if counts.contains(0) || sinceReassignment >= 10 * k {
        sinceReassignment = 0
        return true
      }
      return false
    }

    /// Each centre with batch rows becomes (old × count + Σ batch rows) / (count + batch rows), summed in batch
    /// order; the others stay.
    private mutating func movedCentres(labels: ContiguousArray<Int32>) -> ContiguousArray<Double> {
      let d = self.d
      var batchCounts = ContiguousArray<Int>(repeating: 0, count: k)
      for label in labels { batchCounts[Int(label)] += 1 }
      var updated = centres
      rows.withUnsafeBufferPointer { x in
        updated.withUnsafeMutableBufferPointer { c in
          for segment in 0..<k where batchCounts[segment] > 0 {
            for j in 0..<d { c[segment * d + j] *= Double(counts[segment]) }
          }
          for (b, label) in labels.enumerated() {
            for j in 0..<d { c[Int(label) * d + j] += x[b * d + j] }
          }
          for segment in 0..<k where batchCounts[segment] > 0 {
            counts[segment] += batchCounts[segment]
            let alpha = 1 / Double(counts[segment])
            for j in 0..<d { c[segment * d + j] *= alpha }
          }
        }
      }
      return updated
    }

    /// Centres whose count is below `ratio` × the largest (at most half a batch of them, the smallest counts
    /// first) move onto distinct random rows of the batch; their counts become the smallest remaining count.
    private mutating func reseedStarved(
      _ updated: inout ContiguousArray<Double>, ratio: Double, rng: inout SeededRandom
    ) {
      let largest = Double(counts.max() ?? 0)
      var starved = counts.map { Double($0) < ratio * largest }
      let limit = Int(0.5 * Double(batch))
      if starved.filter({ $0 }).count > limit {
        let order = (0..<k).sorted { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }
        for segment in order[limit...] { starved[segment] = false }
      }
      let segments = (0..<k).filter { starved[$0] }
      if segments.isEmpty { return }
      var positions = Array(0..<batch)
      for (n, segment) in segments.enumerated() {
        positions.swapAt(n, n + rng.nextInt(below: batch - n))
        for j in 0..<d { updated[segment * d + j] = rows[positions[n] * d + j] }
      }
      let floor = (0..<k).filter { !starved[$0] }.map { counts[$0] }.min() ?? 0
      for segment in segments { counts[segment] = floor }
    }
  }

  /// The nearest centre of each of the `values.count / d` rows and Σ of their squared distances, over fixed
  /// chunks (one for a batch of up to 4096 rows) added in chunk order.
  static func assignBatch(
    _ values: ContiguousArray<Double>, columns d: Int, centres: ContiguousArray<Double>, k: Int,
    context: ExecutionContext
  ) -> (labels: ContiguousArray<Int32>, inertia: Double) {
    let count = values.count / d
    let kernel = KMeans.CentreKernel(centres, k: k, columns: d)
    let parts = context.mapChunks(count: count, chunkCount: ExecutionContext.chunkCount(for: count)) { _, range in
      values.withUnsafeBufferPointer { x in
        var labels = ContiguousArray<Int32>()
        labels.reserveCapacity(range.count)
        var inertia = 0.0
        kernel.forEachNearest(x, rows: range) { _, label, distance in
          labels.append(Int32(truncatingIfNeeded: label))
          inertia += distance
        }
        return (labels, inertia)
      }
    }
    return (ContiguousArray(parts.map(\.0).joined()), parts.reduce(0) { $0 + $1.1 })
  }

  /// scikit-learn's `_mini_batch_convergence`: an exponentially weighted average of the per-row batch inertia
  /// (weight 2·batch / (n + 1), from the second step on) that must keep reaching new lows.
  struct EarlyStopping {
    let batch: Int
    let rows: Int
    /// Absolute tolerance on Σ‖Δc‖² (0 disables it).
    let tolerance: Double
    let maxNoImprovement: Int?
    private var average: Double?
    private var lowest: Double?
    private var stale = 0

    init(batch: Int, rows: Int, tolerance: Double, maxNoImprovement: Int?) {
      self.batch = batch
      self.rows = rows
      self.tolerance = tolerance
      self.maxNoImprovement = maxNoImprovement
    }

    /// Whether to stop after step `step` (0-based) with this batch inertia and centre movement.
    mutating func shouldStop(step: Int, batchInertia: Double, squaredShift: Double) -> Bool {
      let perRow = batchInertia / Double(batch)
      if step == 0 { return false }
      if let average {
        let alpha = Swift.min(Double(batch) * 2 / Double(rows + 1), 1)
        self.average = average * (1 - alpha) + perRow * alpha
      } else {
        average = perRow
      }
      if tolerance > 0 && squaredShift <= tolerance { return true }
      let current = average ?? perRow
      if lowest.map({ current < $0 }) ?? true {
        stale = 0
        lowest = current
      } else {
        stale += 1
      }
      return maxNoImprovement.map { stale >= $0 } ?? false
    }
  }
}
