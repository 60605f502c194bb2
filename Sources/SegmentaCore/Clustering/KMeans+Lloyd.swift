/// Lloyd's iterations (Lloyd 1982) in scikit-learn's order (`_kmeans_single_lloyd`).
extension KMeans {
  /// The outcome of one run from one start.
  struct LloydRun {
    var labels: ContiguousArray<Int32>
    var centres: ContiguousArray<Double>
    var inertia: Double
    var iterations: Int
  }

  /// One assignment step over a chunk of rows: labels, and per-segment coordinate sums and counts.
  private struct ChunkStep: Sendable {
    var labels: ContiguousArray<Int32>
    var sums: ContiguousArray<Double>
    var counts: ContiguousArray<Int>
    var changed: Bool
  }

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
  ) throws(SegmentaError) -> LloydRun {
    let k = start.count / max(data.columns, 1)
    var centres = start
    var labels = ContiguousArray<Int32>(repeating: -1, count: data.rows)
    var strict = false
    var iterations = 0
    for iteration in 0..<maxIterations {
      try context.checkCancellation()
      let step = assignStep(data, centres: centres, k: k, previous: labels, context: context)
      labels = step.labels
      var sums = step.sums
      var counts = step.counts
      relocateEmptySegments(data, centres: centres, labels: labels, sums: &sums, counts: &counts)
      let updated = averages(sums: sums, counts: counts, columns: data.columns)
      let shift = squaredShift(from: centres, to: updated, columns: data.columns)
      centres = updated
      iterations = iteration + 1
      if !step.changed {
        strict = true
        break
      }
      if shift <= tolerance { break }
    }
    if !strict {
      labels = assignStep(data, centres: centres, k: k, previous: labels, context: context).labels
    }
    let inertia = inertia(data, centres: centres, labels: labels, context: context)
    return LloydRun(labels: labels, centres: centres, inertia: inertia, iterations: iterations)
  }

  /// The E-step with accumulation for the M-step, parallel over fixed row chunks, reduced in chunk order.
  private static func assignStep(
    _ data: FeatureMatrix, centres: ContiguousArray<Double>, k: Int, previous: ContiguousArray<Int32>,
    context: ExecutionContext
  ) -> ChunkStep {
    let d = data.columns
    let parts = context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
      var step = ChunkStep(
        labels: ContiguousArray(repeating: 0, count: range.count),
        sums: ContiguousArray(repeating: 0, count: k * d), counts: ContiguousArray(repeating: 0, count: k),
        changed: false)
      data.values.withUnsafeBufferPointer { x in
        centres.withUnsafeBufferPointer { c in
          step.sums.withUnsafeMutableBufferPointer { sums in
            for i in range {
              let (label, _) = nearest(x, row: i, centres: c, k: k, columns: d)
              step.labels[i - range.lowerBound] = Int32(label)
              step.counts[label] += 1
              for j in 0..<d { sums[label * d + j] += x[i * d + j] }
              if previous[i] != Int32(label) { step.changed = true }
            }
          }
        }
      }
      return step
    }
    var total = ChunkStep(
      labels: [], sums: ContiguousArray(repeating: 0, count: k * d), counts: ContiguousArray(repeating: 0, count: k),
      changed: false)
    total.labels.reserveCapacity(data.rows)
    for part in parts {
      total.labels.append(contentsOf: part.labels)
      for index in 0..<(k * d) { total.sums[index] += part.sums[index] }
      for index in 0..<k { total.counts[index] += part.counts[index] }
      total.changed = total.changed || part.changed
    }
    return total
  }

  /// scikit-learn's `_relocate_empty_clusters_dense`: the e-th empty segment (in index order) takes the e-th
  /// farthest row from its current centre (distance ties → lowest row index), moving it out of its old segment.
  /// Nothing moves when every row sits on its centre (more segments than distinct rows).
  private static func relocateEmptySegments(
    _ data: FeatureMatrix, centres: ContiguousArray<Double>, labels: ContiguousArray<Int32>,
    sums: inout ContiguousArray<Double>, counts: inout ContiguousArray<Int>
  ) {
    let empty = counts.indices.filter { counts[$0] == 0 }
    if empty.isEmpty { return }
    let d = data.columns
    let distances = data.values.withUnsafeBufferPointer { x in
      centres.withUnsafeBufferPointer { c in
        (0..<data.rows).map { i in squaredDistance(x, row: i, c, row: Int(labels[i]), columns: d) }
      }
    }
    guard let largest = distances.max(), largest > 0 else { return }
    let farthest = distances.indices.sorted {
      distances[$0] > distances[$1] || (distances[$0] == distances[$1] && $0 < $1)
    }
    for (segment, row) in zip(empty, farthest) {
      let old = Int(labels[row])
      for j in 0..<d {
        sums[old * d + j] -= data.values[row * d + j]
        sums[segment * d + j] = data.values[row * d + j]
      }
      counts[segment] = 1
      counts[old] -= 1
    }
  }

  /// scikit-learn's `_average_centers`: sums ÷ counts; a segment left empty sits on the largest segment's centre.
  private static func averages(sums: ContiguousArray<Double>, counts: ContiguousArray<Int>, columns d: Int)
    -> ContiguousArray<Double>
  {
    var centres = sums
    let largest = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
    for segment in counts.indices where counts[segment] > 0 {
      let alpha = 1.0 / Double(counts[segment])
      for j in 0..<d { centres[segment * d + j] *= alpha }
    }
    for segment in counts.indices where counts[segment] == 0 {
      for j in 0..<d { centres[segment * d + j] = centres[largest * d + j] }
    }
    return centres
  }

  /// Σ over segments of ‖new − old‖², each term squared from its Euclidean norm as scikit-learn does.
  private static func squaredShift(
    from old: ContiguousArray<Double>, to new: ContiguousArray<Double>, columns d: Int
  ) -> Double {
    var total = 0.0
    for segment in 0..<(old.count / max(d, 1)) {
      var sum = 0.0
      for j in 0..<d {
        let delta = new[segment * d + j] - old[segment * d + j]
        sum += delta * delta
      }
      let norm = sum.squareRoot()
      total += norm * norm
    }
    return total
  }

  /// Σ‖xᵢ − c(ℓᵢ)‖², chunk partial sums added in chunk order.
  static func inertia(
    _ data: FeatureMatrix, centres: ContiguousArray<Double>, labels: ContiguousArray<Int32>,
    context: ExecutionContext
  ) -> Double {
    let d = data.columns
    let parts = context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
      data.values.withUnsafeBufferPointer { x in
        centres.withUnsafeBufferPointer { c in
          var sum = 0.0
          for i in range {
            sum += squaredDistance(x, row: i, c, row: Int(labels[i]), columns: d)
          }
          return sum
        }
      }
    }
    return parts.reduce(0, +)
  }
}
