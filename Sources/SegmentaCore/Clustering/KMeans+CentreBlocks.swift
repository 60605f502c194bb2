import CKernels

/// The distance kernel of Lloyd's E-step and of k-means++ seeding: a row's distances to four centres at a time.
extension KMeans {
  /// Centres in blocks of four (coordinate j of centre 4b + m at `4b × d + 4j + m`) and a last block of two when
  /// one or two centres remain (`4b × d + 2j + m`; padding centres are 0 and never reported), so that one row's
  /// distances to a block accumulate side by side in registers (and in SIMD lanes where the compiler vectorizes
  /// them). k = 6, the common case, is one block of four and one of two: no lane is wasted.
  ///
  /// Each distance is still Σⱼ (xⱼ − cⱼ)² added in j order from 0, the same operations as
  /// ``squaredDistance(_:row:_:row:columns:)``: distances and labels are bit-identical to the scalar kernel that
  /// Elkan's and Hamerly's iterations use. The arithmetic is the C kernel `segmenta_nearest_centres` /
  /// `segmenta_centre_distances` (target `CKernels`), run with AVX2 where the CPU has it and with SSE2 otherwise,
  /// bit-identical either way.
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
      guard let xBase = x.baseAddress, !rows.isEmpty else { return }
      let labels = UnsafeMutablePointer<Int32>.allocate(capacity: rows.count)
      let distances = UnsafeMutablePointer<Double>.allocate(capacity: rows.count)
      defer {
        labels.deallocate()
        distances.deallocate()
      }
      blocked.withUnsafeBufferPointer { c in
        segmenta_nearest_centres(xBase, d, rows.lowerBound, rows.upperBound, c.baseAddress, k, labels, distances)
      }
      for i in rows { visit(i, Int(labels[i &- rows.lowerBound]), distances[i &- rows.lowerBound]) }
    }

    /// Lloyd's E-step for `rows`: each row's label becomes its nearest centre (ties → lowest index) and, with
    /// `step` given, the row is added to that centre's sums and count in row order. Returns whether a label
    /// changed.
    ///
    /// - Complexity: O(|rows| × k × d).
    func assign(
      _ x: UnsafeBufferPointer<Double>, rows: Range<Int>, labels: DisjointChunkWriter<Int32>,
      accumulatingInto step: inout SegmentSums?
    ) -> Bool {
      guard let xBase = x.baseAddress, !rows.isEmpty else { return false }
      return blocked.withUnsafeBufferPointer { c in
        guard var sums = step else {
          return segmenta_assign_rows(
            xBase, d, rows.lowerBound, rows.upperBound, c.baseAddress, k, labels.base.baseAddress, nil, nil)
        }
        defer { step = sums }
        return sums.withBuffers { s, n in
          segmenta_assign_rows(
            xBase, d, rows.lowerBound, rows.upperBound, c.baseAddress, k, labels.base.baseAddress, s.baseAddress,
            n.baseAddress)
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
      guard let xBase = x.baseAddress, !rows.isEmpty else { return }
      let distances = UnsafeMutablePointer<Double>.allocate(capacity: rows.count * k)
      defer { distances.deallocate() }
      blocked.withUnsafeBufferPointer { c in
        segmenta_centre_distances(xBase, d, rows.lowerBound, rows.upperBound, c.baseAddress, k, distances)
      }
      for i in rows { visit(i, distances + (i &- rows.lowerBound) &* k) }
    }

    /// Centres rounded up to whole blocks.
    private static func paddedCount(_ k: Int) -> Int { k % 4 == 0 || k % 4 == 3 ? (k + 3) / 4 * 4 : k / 4 * 4 + 2 }

    /// The width of the block starting at centre `first`: 2 for a last block of one or two centres, else 4.
    private static func width(from first: Int, k: Int) -> Int { k - first <= 2 ? 2 : 4 }
  }
}
