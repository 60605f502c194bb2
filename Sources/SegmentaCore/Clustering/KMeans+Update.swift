/// The M-step shared by Lloyd, Elkan and Hamerly: the same sums in the same order, so the three iteration
/// schemes move the centres identically whenever they agree on the labels.
extension KMeans {
  /// The outcome of one run from one start.
  struct SingleRun {
    var labels: ContiguousArray<Int32>
    var centres: ContiguousArray<Double>
    var inertia: Double
    var iterations: Int
  }

  /// Per-segment coordinate sums and row counts of one chunk of rows, and whether a label changed in it.
  struct SegmentSums: Sendable {
    var sums: ContiguousArray<Double>
    var counts: ContiguousArray<Int>
    var changed: Bool

    init(k: Int, columns d: Int) {
      sums = ContiguousArray(repeating: 0, count: k * d)
      counts = ContiguousArray(repeating: 0, count: k)
      changed = false
    }

    /// Runs `body` with the sums and counts opened once (for a chunk's rows, passed to a C kernel).
    @inline(__always)
    mutating func withBuffers<R>(
      _ body: (_ sums: UnsafeMutableBufferPointer<Double>, _ counts: UnsafeMutableBufferPointer<Int>) -> R
    ) -> R {
      sums.withUnsafeMutableBufferPointer { s in counts.withUnsafeMutableBufferPointer { c in body(s, c) } }
    }

    /// The chunks added in chunk order (so the totals do not depend on the thread count).
    static func total(_ parts: [SegmentSums], k: Int, columns d: Int) -> SegmentSums {
      var total = SegmentSums(k: k, columns: d)
      for part in parts {
        for index in 0..<(k * d) { total.sums[index] += part.sums[index] }
        for index in 0..<k { total.counts[index] += part.counts[index] }
        total.changed = total.changed || part.changed
      }
      return total
    }
  }

  /// The new centres: empty segments reseeded as scikit-learn does, then sums ÷ counts.
  static func updatedCentres(
    _ data: FeatureMatrix, centres: ContiguousArray<Double>, labels: ContiguousArray<Int32>, step: SegmentSums
  ) -> ContiguousArray<Double> {
    var sums = step.sums
    var counts = step.counts
    relocateEmptySegments(data, centres: centres, labels: labels, sums: &sums, counts: &counts)
    return averages(sums: sums, counts: counts, columns: data.columns)
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

  /// ‖new − old‖ per segment (scikit-learn's `_center_shift`).
  static func centreShifts(from old: ContiguousArray<Double>, to new: ContiguousArray<Double>, columns d: Int)
    -> ContiguousArray<Double>
  {
    let k = old.count / max(d, 1)
    return old.withUnsafeBufferPointer { a in
      new.withUnsafeBufferPointer { b in
        ContiguousArray((0..<k).map { squaredDistance(b, row: $0, a, row: $0, columns: d).squareRoot() })
      }
    }
  }

  /// Σ over segments of ‖new − old‖², each term squared from its Euclidean norm as scikit-learn does.
  static func squaredShift(_ shifts: ContiguousArray<Double>) -> Double {
    shifts.reduce(0) { $0 + $1 * $1 }
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
          labels.withUnsafeBufferPointer { l in
            var sum = 0.0
            for i in range { sum += squaredDistance(x, row: i, c, row: Int(l[i]), columns: d) }
            return sum
          }
        }
      }
    }
    return parts.reduce(0, +)
  }
}
