/// The inner loops shared by the k-means steps: exact squared distances and nearest centres.
extension KMeans {
  /// Rows per chunk of parallel work; the chunk count depends on the row count only, never on threads.
  static func chunkCount(_ rows: Int) -> Int { ExecutionContext.chunkCount(for: rows, grain: 1024) }

  /// Σⱼ (a[row a, j] − b[row b, j])², computed exactly (no ‖a‖² − 2a·b + ‖b‖² shortcut).
  @inline(__always)
  static func squaredDistance(
    _ a: UnsafeBufferPointer<Double>, row i: Int, _ b: UnsafeBufferPointer<Double>, row l: Int, columns d: Int
  ) -> Double {
    var sum = 0.0
    for j in 0..<d {
      let delta = a[i * d + j] - b[l * d + j]
      sum += delta * delta
    }
    return sum
  }

  /// The nearest centre to row `i` and its squared distance; ties go to the lowest centre index.
  @inline(__always)
  static func nearest(
    _ x: UnsafeBufferPointer<Double>, row i: Int, centres c: UnsafeBufferPointer<Double>, k: Int, columns d: Int
  ) -> (index: Int, distance: Double) {
    var best = 0
    var bestDistance = squaredDistance(x, row: i, c, row: 0, columns: d)
    for l in 1..<max(k, 1) {
      let distance = squaredDistance(x, row: i, c, row: l, columns: d)
      if distance < bestDistance {
        best = l
        bestDistance = distance
      }
    }
    return (best, bestDistance)
  }
}

extension KMeans {
  /// The nearest centre to row `i` (ties → lowest index) with its squared distance, and the squared distance to
  /// the nearest of the other centres (+∞ when k = 1).
  @inline(__always)
  static func nearestTwo(
    _ x: UnsafeBufferPointer<Double>, row i: Int, centres c: UnsafeBufferPointer<Double>, k: Int, columns d: Int
  ) -> (index: Int, distance: Double, secondDistance: Double) {
    var best = 0
    var bestDistance = squaredDistance(x, row: i, c, row: 0, columns: d)
    var second = Double.infinity
    for l in 1..<max(k, 1) {
      let distance = squaredDistance(x, row: i, c, row: l, columns: d)
      if distance < bestDistance {
        second = bestDistance
        best = l
        bestDistance = distance
      } else if distance < second {
        second = distance
      }
    }
    return (best, bestDistance, second)
  }
}
