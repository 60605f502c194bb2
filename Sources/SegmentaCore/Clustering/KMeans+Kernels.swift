/// The scalar inner loops shared by the k-means steps: exact squared distances and the M-step's row sums.
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

  /// sums[segment, ·] += x[i, ·], four coordinates at a time (each coordinate is its own running sum, so the
  /// result is that of the scalar loop).
  @inline(__always)
  static func addRow(
    _ x: UnsafeBufferPointer<Double>, row i: Int, to sums: UnsafeMutableBufferPointer<Double>, segment: Int,
    columns d: Int
  ) {
    guard let source = x.baseAddress, let target = sums.baseAddress else { return }
    let from = UnsafeRawPointer(source + i &* d)
    let to = UnsafeMutableRawPointer(target + segment &* d)
    var j = 0
    while j + 4 <= d {
      let offset = j &* MemoryLayout<Double>.stride
      let total =
        to.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
        + from.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
      to.storeBytes(of: total, toByteOffset: offset, as: SIMD4<Double>.self)
      j &+= 4
    }
    while j < d {
      target[segment * d + j] += source[i * d + j]
      j += 1
    }
  }
}
