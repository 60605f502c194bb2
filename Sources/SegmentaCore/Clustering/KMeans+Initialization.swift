import Foundation

/// Starting centres: greedy k-means++ (Arthur & Vassilvitskii 2007, as scikit-learn's `_kmeans_plusplus`) and
/// k distinct random rows.
extension KMeans {
  /// Greedy k-means++: the first centre is a uniform row; each next centre is the best of `2 + Int(ln k)`
  /// candidates drawn with probability ∝ D² (squared distance to the closest chosen centre), "best" meaning the
  /// lowest potential Σ min(D², ‖x − candidate‖²) (ties → the earlier candidate).
  ///
  /// A candidate is the first row whose cumulative D² exceeds u × potential (scikit-learn takes the first that
  /// reaches it); so a row already at zero distance is never drawn unless rounding pushes u × potential past
  /// the total, where the last row is taken as in scikit-learn's clip.
  ///
  /// - Complexity: O(k × (2 + ln k) × n × d) time, O(n + k × d) memory.
  static func greedyPlusPlus(_ data: FeatureMatrix, k: Int, rng: inout SeededRandom, context: ExecutionContext)
    -> ContiguousArray<Double>
  {
    let n = data.rows
    let d = data.columns
    var centres = ContiguousArray<Double>()
    centres.reserveCapacity(k * d)
    let first = rng.nextInt(below: n)
    centres.append(contentsOf: data.values[(first * d)..<((first + 1) * d)])
    var closest = closestDistances(data, to: first, previous: nil, context: context)
    var potential = sum(closest, context: context)
    let trials = 2 + Int(log(Double(k)))
    var cumulative = ContiguousArray<Double>(repeating: 0, count: n)
    var candidates = [Int](repeating: 0, count: trials)
    for _ in 1..<k {
      var running = 0.0
      for i in 0..<n {
        running += closest[i]
        cumulative[i] = running
      }
      for t in 0..<trials {
        candidates[t] = firstExceeding(cumulative, rng.nextDouble() * potential)
      }
      let potentials = candidatePotentials(data, candidates: candidates, closest: closest, context: context)
      var best = 0
      for t in 1..<trials where potentials[t] < potentials[best] { best = t }
      let chosen = candidates[best]
      centres.append(contentsOf: data.values[(chosen * d)..<((chosen + 1) * d)])
      closest = closestDistances(data, to: chosen, previous: closest, context: context)
      potential = potentials[best]
    }
    return centres
  }

  /// k distinct rows, uniformly (a partial Fisher–Yates shuffle of the row indices).
  ///
  /// - Complexity: O(n + k × d).
  static func randomRows(_ data: FeatureMatrix, k: Int, rng: inout SeededRandom) -> ContiguousArray<Double> {
    let n = data.rows
    let d = data.columns
    var indices = Array(0..<n)
    var centres = ContiguousArray<Double>()
    centres.reserveCapacity(k * d)
    for i in 0..<k {
      indices.swapAt(i, i + rng.nextInt(below: n - i))
      centres.append(contentsOf: data.values[(indices[i] * d)..<((indices[i] + 1) * d)])
    }
    return centres
  }

  /// The first index whose cumulative value exceeds `target` (binary search), or the last index.
  private static func firstExceeding(_ cumulative: ContiguousArray<Double>, _ target: Double) -> Int {
    var low = 0
    var high = cumulative.count
    while low < high {
      let mid = (low + high) / 2
      if cumulative[mid] > target { high = mid } else { low = mid + 1 }
    }
    return min(low, cumulative.count - 1)
  }

  /// min(previous D², ‖x − row c‖²) for every row (just the distance when there is no previous).
  private static func closestDistances(
    _ data: FeatureMatrix, to c: Int, previous: ContiguousArray<Double>?, context: ExecutionContext
  ) -> ContiguousArray<Double> {
    let d = data.columns
    let parts = context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
      data.values.withUnsafeBufferPointer { x in
        var out = ContiguousArray<Double>(repeating: 0, count: range.count)
        for i in range {
          let distance = squaredDistance(x, row: i, x, row: c, columns: d)
          out[i - range.lowerBound] = previous.map { Swift.min($0[i], distance) } ?? distance
        }
        return out
      }
    }
    return ContiguousArray(parts.joined())
  }

  /// The potential Σ min(D², ‖x − candidate‖²) for each candidate, chunk sums added in chunk order.
  private static func candidatePotentials(
    _ data: FeatureMatrix, candidates: [Int], closest: ContiguousArray<Double>, context: ExecutionContext
  ) -> [Double] {
    let d = data.columns
    let parts = context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
      data.values.withUnsafeBufferPointer { x in
        closest.withUnsafeBufferPointer { current in
          candidates.map { candidate in
            var sum = 0.0
            for i in range { sum += Swift.min(current[i], squaredDistance(x, row: i, x, row: candidate, columns: d)) }
            return sum
          }
        }
      }
    }
    return (0..<candidates.count).map { t in parts.reduce(0) { $0 + $1[t] } }
  }

  /// Σ values, chunk sums added in chunk order (the same for any thread count).
  private static func sum(_ values: ContiguousArray<Double>, context: ExecutionContext) -> Double {
    context.mapChunks(count: values.count, chunkCount: chunkCount(values.count)) { _, range in
      values[range].reduce(0, +)
    }.reduce(0, +)
  }
}
