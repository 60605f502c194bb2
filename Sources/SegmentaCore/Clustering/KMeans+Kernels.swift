/// The scalar inner loop shared by the k-means steps: exact squared distances.
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
}
