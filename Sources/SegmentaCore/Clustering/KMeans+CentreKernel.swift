import CKernels

/// The distance kernel of Lloyd's E-step, Hamerly's rescans and k-means++ seeding.
extension KMeans {
  /// The k centres (row-major k × d) for the C kernels `segmenta_nearest_centres`, `segmenta_centre_distances`,
  /// `segmenta_assign_rows` (target `CKernels`), which take four rows per vector: one broadcast of a centre's
  /// coordinate serves four rows, and the nearest centre is chosen by lane-wise comparisons, without branches.
  ///
  /// Each distance is still Σⱼ (xⱼ − cⱼ)² added in j order from 0, the same operations as
  /// ``squaredDistance(_:row:_:row:columns:)``: distances and labels are bit-identical to a scalar loop. The kernels
  /// run with AVX2 where the CPU has it and with SSE2 otherwise, bit-identical either way.
  struct CentreKernel: Sendable {
    private let centres: ContiguousArray<Double>
    private let k: Int
    private let d: Int

    init(_ centres: ContiguousArray<Double>, k: Int, columns d: Int) {
      self.centres = centres
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
      centres.withUnsafeBufferPointer { c in
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
      return centres.withUnsafeBufferPointer { c in
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
      centres.withUnsafeBufferPointer { c in
        segmenta_centre_distances(xBase, d, rows.lowerBound, rows.upperBound, c.baseAddress, k, distances)
      }
      for i in rows { visit(i, distances + (i &- rows.lowerBound) &* k) }
    }
  }
}
