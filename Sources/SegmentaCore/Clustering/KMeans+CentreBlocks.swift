/// The distance kernel of Lloyd's E-step and of k-means++ seeding: a row's distances to four centres at a time.
extension KMeans {
  /// Centres in blocks of four (coordinate j of centre 4b + m at `4b × d + 4j + m`) and a last block of two when
  /// one or two centres remain (`4b × d + 2j + m`; padding centres are 0 and never reported), so that one row's
  /// distances to a block accumulate side by side in registers (and in SIMD lanes where the compiler vectorizes
  /// them). k = 6, the common case, is one block of four and one of two: no lane is wasted.
  ///
  /// Each distance is still Σⱼ (xⱼ − cⱼ)² added in j order from 0, the same operations as
  /// ``squaredDistance(_:row:_:row:columns:)``: distances and labels are bit-identical to the scalar kernel that
  /// Elkan's and Hamerly's iterations use. Plain scalar code rather than `SIMD4<Double>`, which is as fast in
  /// release builds but several times slower in debug builds (and so in every test run).
  struct CentreBlocks: Sendable {
    private let blocked: ContiguousArray<Double>
    private let k: Int
    private let d: Int

    /// - Complexity: O(k × d).
    init(_ centres: ContiguousArray<Double>, k: Int, columns d: Int) {
      var blocked = ContiguousArray<Double>(repeating: 0, count: Self.paddedCount(k) * d)
      for l in 0..<k {
        let first = l - l % 4
        let width = Self.width(from: first, k: k)
        for j in 0..<d { blocked[first * d + j * width + l - first] = centres[l * d + j] }
      }
      self.blocked = blocked
      self.k = k
      self.d = d
    }

    /// Calls `visit(row, nearest centre, squared distance)` for each row in `rows`, in order; ties go to the
    /// lowest centre index.
    ///
    /// - Complexity: O(|rows| × k × d).
    @inline(__always)
    func forEachNearest(
      _ x: UnsafeBufferPointer<Double>, rows: Range<Int>,
      _ visit: (_ row: Int, _ label: Int, _ distance: Double) -> Void
    ) {
      guard let xBase = x.baseAddress else { return }
      let k = self.k
      let d = self.d
      blocked.withUnsafeBufferPointer { c in
        guard let cBase = c.baseAddress else { return }
        for i in rows {
          var best = 0
          var bestDistance = Double.infinity
          var first = 0
          while first < k {
            if Self.width(from: first, k: k) == 2 {
              let s = Self.pair(xBase + i &* d, cBase + first &* d, columns: d)
              if s.0 < bestDistance {
                best = first
                bestDistance = s.0
              }
              if first + 1 < k && s.1 < bestDistance {
                best = first + 1
                bestDistance = s.1
              }
              break
            }
            let s = Self.block(xBase + i &* d, cBase + first &* d, columns: d)
            if s.0 < bestDistance {
              best = first
              bestDistance = s.0
            }
            if first + 1 < k && s.1 < bestDistance {
              best = first + 1
              bestDistance = s.1
            }
            if first + 2 < k && s.2 < bestDistance {
              best = first + 2
              bestDistance = s.2
            }
            if first + 3 < k && s.3 < bestDistance {
              best = first + 3
              bestDistance = s.3
            }
            first += 4
          }
          visit(i, best, bestDistance)
        }
      }
    }

    /// Calls `visit(row, distances)` for each row in `rows`, in order, with its k squared distances (a buffer
    /// valid during the call only).
    ///
    /// - Complexity: O(|rows| × k × d).
    @inline(__always)
    func forEachDistances(
      _ x: UnsafeBufferPointer<Double>, rows: Range<Int>,
      _ visit: (_ row: Int, _ distances: UnsafePointer<Double>) -> Void
    ) {
      guard let xBase = x.baseAddress else { return }
      let k = self.k
      let d = self.d
      let scratch = UnsafeMutablePointer<Double>.allocate(capacity: Self.paddedCount(k))
      defer { scratch.deallocate() }
      blocked.withUnsafeBufferPointer { c in
        guard let cBase = c.baseAddress else { return }
        for i in rows {
          var first = 0
          while first < k {
            if Self.width(from: first, k: k) == 2 {
              let s = Self.pair(xBase + i &* d, cBase + first &* d, columns: d)
              scratch[first] = s.0
              scratch[first + 1] = s.1
              break
            }
            let s = Self.block(xBase + i &* d, cBase + first &* d, columns: d)
            scratch[first] = s.0
            scratch[first + 1] = s.1
            scratch[first + 2] = s.2
            scratch[first + 3] = s.3
            first += 4
          }
          visit(i, scratch)
        }
      }
    }

    /// Centres rounded up to whole blocks.
    private static func paddedCount(_ k: Int) -> Int { k % 4 == 0 || k % 4 == 3 ? (k + 3) / 4 * 4 : k / 4 * 4 + 2 }

    /// The width of the block starting at centre `first`: 2 for a last block of one or two centres, else 4.
    @inline(__always)
    private static func width(from first: Int, k: Int) -> Int { k - first <= 2 ? 2 : 4 }

    /// The squared distances of `row` to the two centres of the pair at `pair`.
    @inline(__always)
    private static func pair(_ row: UnsafePointer<Double>, _ pair: UnsafePointer<Double>, columns d: Int) -> (
      Double, Double
    ) {
      var s0 = 0.0
      var s1 = 0.0
      for j in 0..<d {
        let value = row[j]
        let d0 = value - pair[2 &* j]
        let d1 = value - pair[2 &* j &+ 1]
        s0 += d0 * d0
        s1 += d1 * d1
      }
      return (s0, s1)
    }

    // Index arithmetic in the loops wraps (&*, &+): every index is below a buffer's count, so the overflow checks
    // would only cost instructions.

    /// The squared distances of `row` to the four centres of the block at `block`.
    @inline(__always)
    private static func block(_ row: UnsafePointer<Double>, _ block: UnsafePointer<Double>, columns d: Int) -> (
      Double, Double, Double, Double
    ) {
      var s0 = 0.0
      var s1 = 0.0
      var s2 = 0.0
      var s3 = 0.0
      for j in 0..<d {
        let value = row[j]
        let centre = block + j &* 4
        let d0 = value - centre[0]
        let d1 = value - centre[1]
        let d2 = value - centre[2]
        let d3 = value - centre[3]
        s0 += d0 * d0
        s1 += d1 * d1
        s2 += d2 * d2
        s3 += d3 * d3
      }
      return (s0, s1, s2, s3)
    }
  }
}
