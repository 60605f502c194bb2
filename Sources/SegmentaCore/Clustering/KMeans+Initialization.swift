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
    let start = candidateDistances(data, candidates: [first], closest: nil, context: context)
    var closest = start.distances
    var potential = start.potentials[0]
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
      let scored = candidateDistances(data, candidates: candidates, closest: closest, context: context)
      var best = 0
      for t in 1..<trials where scored.potentials[t] < scored.potentials[best] { best = t }
      let chosen = candidates[best]
      centres.append(contentsOf: data.values[(chosen * d)..<((chosen + 1) * d)])
      for i in 0..<n { closest[i] = Swift.min(closest[i], scored.distances[i * trials + best]) }
      potential = scored.potentials[best]
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

  /// The squared distance of every row to each candidate row (n × t, row-major) and, per candidate, the
  /// potential Σ min(closest D², distance) — just Σ distance without `closest` — with chunk sums added in chunk
  /// order.
  ///
  /// - Complexity: O(n × t × d) time, O(n × t) memory (the winner's distances update D² without recomputing
  ///   them, as scikit-learn does).
  private static func candidateDistances(
    _ data: FeatureMatrix, candidates: [Int], closest: ContiguousArray<Double>?, context: ExecutionContext
  ) -> (distances: ContiguousArray<Double>, potentials: [Double]) {
    let t = candidates.count
    let kernel = CentreKernel(data.selectingRows(candidates).values, k: t, columns: data.columns)
    // min(+∞, distance) is the distance itself: the first centre needs no special case.
    let current = closest ?? ContiguousArray(repeating: .infinity, count: data.rows)
    var distances = ContiguousArray<Double>(repeating: 0, count: data.rows * t)
    let parts = distances.withUnsafeMutableBufferPointer { buffer in
      let out = DisjointChunkWriter(buffer)
      return context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
        var sums = [Double](repeating: 0, count: t)
        data.values.withUnsafeBufferPointer { x in
          current.withUnsafeBufferPointer { closestSoFar in
            sums.withUnsafeMutableBufferPointer { sum in
              kernel.forEachDistances(x, rows: range) { i, distance in
                for c in 0..<t {
                  out[i * t + c] = distance[c]
                  sum[c] += Swift.min(closestSoFar[i], distance[c])
                }
              }
            }
          }
        }
        return sums
      }
    }
    return (distances, (0..<t).map { c in parts.reduce(0) { $0 + $1[c] } })
  }
}
