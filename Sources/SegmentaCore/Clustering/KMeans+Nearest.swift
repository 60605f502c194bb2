/// The assignment kernel of Lloyd's E-step: a row's distances to four centres at a time.
extension KMeans {
  /// The centres in blocks of four (coordinate j of centre 4b + m at `(b × d + j) × 4 + m`; padding centres 0 and
  /// never chosen), so that one row's distances to four centres accumulate side by side in registers (and in SIMD
  /// lanes where the compiler vectorizes them).
  ///
  /// Each distance is still Σⱼ (xⱼ − cⱼ)² added in j order from 0, the same operations as
  /// ``squaredDistance(_:row:_:row:columns:)``: labels and distances are bit-identical to the scalar kernel that
  /// Elkan's and Hamerly's iterations use.
  struct NearestCentres: Sendable {
    private let blocked: ContiguousArray<Double>
    private let k: Int
    private let d: Int

    /// - Complexity: O(k × d).
    init(_ centres: ContiguousArray<Double>, k: Int, columns d: Int) {
      let blocks = (k + 3) / 4
      var blocked = ContiguousArray<Double>(repeating: 0, count: blocks * 4 * d)
      for l in 0..<k { for j in 0..<d { blocked[((l / 4) * d + j) * 4 + l % 4] = centres[l * d + j] } }
      self.blocked = blocked
      self.k = k
      self.d = d
    }

    /// Calls `visit(row, nearest centre, squared distance)` for each row in `rows`, in order; ties go to the
    /// lowest centre index.
    ///
    /// - Complexity: O(|rows| × k × d).
    @inline(__always)
    func forEach(
      _ x: UnsafeBufferPointer<Double>, rows: Range<Int>,
      _ visit: (_ row: Int, _ label: Int, _ distance: Double) -> Void
    ) {
      guard let xBase = x.baseAddress else { return }
      let k = self.k
      let d = self.d
      blocked.withUnsafeBufferPointer { c in
        guard let cBase = c.baseAddress else { return }
        for i in rows {
          let row = xBase + i * d
          var best = 0
          var bestDistance = Double.infinity
          var first = 0
          while first < k {
            let block = cBase + first * d
            var s0 = 0.0
            var s1 = 0.0
            var s2 = 0.0
            var s3 = 0.0
            for j in 0..<d {
              let value = row[j]
              let centre = block + j * 4
              let d0 = value - centre[0]
              let d1 = value - centre[1]
              let d2 = value - centre[2]
              let d3 = value - centre[3]
              s0 += d0 * d0
              s1 += d1 * d1
              s2 += d2 * d2
              s3 += d3 * d3
            }
            if s0 < bestDistance {
              best = first
              bestDistance = s0
            }
            if first + 1 < k && s1 < bestDistance {
              best = first + 1
              bestDistance = s1
            }
            if first + 2 < k && s2 < bestDistance {
              best = first + 2
              bestDistance = s2
            }
            if first + 3 < k && s3 < bestDistance {
              best = first + 3
              bestDistance = s3
            }
            first += 4
          }
          visit(i, best, bestDistance)
        }
      }
    }
  }
}
