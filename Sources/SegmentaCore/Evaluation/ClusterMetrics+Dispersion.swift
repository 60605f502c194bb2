/// Kernels for the dispersion-based indices (within sums of squares, Davies–Bouldin).
extension ClusterMetrics {
  /// Σ‖x − mean(x's segment)‖² over non-noise rows.
  static func withinSquares(_ data: FeatureMatrix, coding: SegmentCoding, means: ContiguousArray<Double>)
    -> Double
  {
    let d = data.columns
    var total = 0.0
    data.values.withUnsafeBufferPointer { x in
      for i in 0..<data.rows where coding.codes[i] >= 0 {
        let c = Int(coding.codes[i])
        for j in 0..<d {
          let delta = x[i * d + j] - means[c * d + j]
          total += delta * delta
        }
      }
    }
    return total
  }

  /// Davies–Bouldin from the coding and the segment means (scikit-learn's `davies_bouldin_score`).
  static func daviesBouldin(_ data: FeatureMatrix, coding: SegmentCoding, means: ContiguousArray<Double>)
    -> Double
  {
    let d = data.columns
    let k = coding.k
    func distance(_ a: UnsafeBufferPointer<Double>, _ i: Int, _ c: Int) -> Double {
      var sum = 0.0
      for j in 0..<d {
        let delta = a[i * d + j] - means[c * d + j]
        sum += delta * delta
      }
      return sum.squareRoot()
    }
    var spread = [Double](repeating: 0, count: k)
    data.values.withUnsafeBufferPointer { x in
      for i in 0..<data.rows where coding.codes[i] >= 0 {
        spread[Int(coding.codes[i])] += distance(x, i, Int(coding.codes[i]))
      }
    }
    for c in 0..<k { spread[c] /= Double(coding.sizes[c]) }
    var separation = [Double](repeating: 0, count: k * k)
    means.withUnsafeBufferPointer { m in
      for a in 0..<k { for b in 0..<k { separation[a * k + b] = distance(m, a, b) } }
    }
    let negligible = 1e-8
    if spread.allSatisfy({ abs($0) <= negligible }) || separation.allSatisfy({ abs($0) <= negligible }) {
      return 0
    }
    var total = 0.0
    for a in 0..<k {
      var worst = 0.0
      for b in 0..<k where separation[a * k + b] != 0 {
        worst = max(worst, (spread[a] + spread[b]) / separation[a * k + b])
      }
      total += worst
    }
    return total / Double(k)
  }
}
