import CKernels
import SegmentaCore
import Testing

/// The C passes of Hamerly's and Elkan's k-means (`segmenta_hamerly_rows`, `segmenta_elkan_rows`): the portable
/// and the AVX2 build must both equal a plain scalar loop of the documented steps bit for bit — labels, bounds,
/// sums and counts — on continuous data and on a small integer grid with tied centres (Elkan's in
/// BoundedKernelDispatchTests+Elkan.swift).
@Suite struct BoundedKernelDispatchTests {
  typealias Kernels = DistanceKernelDispatchTests

  /// What one bounded assignment reads and writes.
  struct BoundState {
    var labels: [Int32]
    var upper: [Double]
    var lower: [Double]
    var sums: [Double]
    var counts: [Int]

    func expectBitIdentical(to expected: BoundState, _ name: String) {
      #expect(labels == expected.labels, "\(name): labels")
      #expect(upper.map(\.bitPattern) == expected.upper.map(\.bitPattern), "\(name): upper bounds")
      #expect(lower.map(\.bitPattern) == expected.lower.map(\.bitPattern), "\(name): lower bounds")
      #expect(sums.map(\.bitPattern) == expected.sums.map(\.bitPattern), "\(name): sums")
      #expect(counts == expected.counts, "\(name): counts")
    }
  }

  /// One case: data, centres (on the grid the second repeats the first), labels drawn at random and upper bounds
  /// around the true distance to them, some loose enough to skip, some not, and a lower bound per row.
  struct Case {
    let x: [Double]
    let centres: [Double]
    let shifts: [Double]
    let state: BoundState

    init(rows: Int, columns d: Int, k: Int, grid: Bool) {
      let x = Kernels.values(rows: rows, columns: d, grid: grid, seed: UInt64(rows * 13 + d + 1))
      var centres = Array(x[0..<(k * d)])
      if grid && k > 1 { for j in 0..<d { centres[d + j] = centres[j] } }
      var rng = SeededRandom(seed: UInt64(rows + 7 * d + k))
      let shifts = (0..<k).map { _ in rng.nextDouble() * 2 }
      let labels = (0..<rows).map { _ in Int32(rng.nextInt(below: k)) }
      let distance = { (i: Int, c: Int) in Kernels.squared(x, i, centres, c, columns: d).squareRoot() }
      let upper = (0..<rows).map { distance($0, Int(labels[$0])) * (0.5 + rng.nextDouble()) }
      let lower = upper.map { $0 * 1.5 * rng.nextDouble() }
      self.x = x
      self.centres = centres
      self.shifts = shifts
      state = BoundState(
        labels: labels, upper: upper, lower: lower, sums: [Double](repeating: 0, count: k * d),
        counts: [Int](repeating: 0, count: k))
    }

    /// Half the distance between every pair of centres (k × k).
    func half(k: Int, columns d: Int) -> [Double] {
      (0..<(k * k)).map { Kernels.squared(centres, $0 / k, centres, $0 % k, columns: d).squareRoot() / 2 }
    }

    /// Half the distance from each centre to its nearest other centre (+∞ when k = 1).
    func nearestHalf(k: Int, columns d: Int) -> [Double] {
      let half = half(k: k, columns: d)
      return (0..<k).map { a in (0..<k).filter { $0 != a }.map { half[a * k + $0] }.min() ?? .infinity }
    }
  }

  /// Rows begin..<labels.count added to their centres' sums and counts, in row order: how every bounded pass (Hamerly's
  /// and Elkan's) ends.
  static func addRows(
    _ x: [Double], labels: [Int32], begin: Int, columns d: Int, sums: inout [Double], counts: inout [Int]
  ) {
    for i in begin..<labels.count {
      counts[Int(labels[i])] += 1
      for j in 0..<d { sums[Int(labels[i]) * d + j] += x[i * d + j] }
    }
  }

  /// Hamerly's assignment as a plain scalar loop (segmenta_kernels.h): bounds absorb the shifts, the tests, the
  /// exact distance to the own centre, the full scan; then the sums in row order. Returns (changed, rescans).
  static func hamerly(
    _ x: [Double], begin: Int, centres: [Double], k: Int, columns d: Int, nearestHalf: [Double],
    shifts: [Double], largest: Int, runnerUp: Double, _ s: inout BoundState
  ) -> (changed: Bool, rescans: Int) {
    var changed = false
    var rescans = 0
    for i in begin..<s.labels.count {
      let label = Int(s.labels[i])
      var bound = s.upper[i] + shifts[label]
      let floor = s.lower[i] - (label == largest ? runnerUp : shifts[largest])
      let limit = Swift.max(nearestHalf[label], floor)
      if bound >= limit { bound = Kernels.squared(x, i, centres, label, columns: d).squareRoot() }
      s.upper[i] = bound
      s.lower[i] = floor
      if bound >= limit {
        rescans += 1
        let exact = (0..<k).map { Kernels.squared(x, i, centres, $0, columns: d) }
        let nearest = exact.indices.first { exact[$0] == exact.min() } ?? -1
        s.upper[i] = exact[nearest].squareRoot()
        s.lower[i] = (exact.indices.filter { $0 != nearest }.map { exact[$0] }.min() ?? .infinity).squareRoot()
        changed = changed || s.labels[i] != Int32(nearest)
        s.labels[i] = Int32(nearest)
      }
    }
    addRows(x, labels: s.labels, begin: begin, columns: d, sums: &s.sums, counts: &s.counts)
    return (changed, rescans)
  }

  @Test(.enabled(if: segmenta_cpu_has_avx2(), "the CPU has no AVX2"))
  func hamerlyRowsAreBitIdenticalOnEveryPath() {
    var rescans = 0
    var skips = 0
    for (rows, d, k) in Kernels.shapes {
      for grid in [false, true] {
        let test = Case(rows: rows, columns: d, k: k, grid: grid)
        let nearestHalf = test.nearestHalf(k: k, columns: d)
        let shifts = test.shifts
        let largest = shifts.indices.max { shifts[$0] < shifts[$1] } ?? 0
        let runnerUp = shifts.indices.filter { $0 != largest }.map { shifts[$0] }.max() ?? 0
        let begin = 3
        var expected = test.state
        var portable = test.state
        var avx2 = test.state
        let scalar = Self.hamerly(
          test.x, begin: begin, centres: test.centres, k: k, columns: d, nearestHalf: nearestHalf, shifts: shifts,
          largest: largest, runnerUp: runnerUp, &expected)
        let changed = [
          segmenta_hamerly_rows_portable(
            test.x, d, begin, rows, test.centres, k, nearestHalf, shifts, largest, runnerUp, &portable.labels,
            &portable.upper, &portable.lower, &portable.sums, &portable.counts),
          segmenta_hamerly_rows_avx2(
            test.x, d, begin, rows, test.centres, k, nearestHalf, shifts, largest, runnerUp, &avx2.labels,
            &avx2.upper, &avx2.lower, &avx2.sums, &avx2.counts),
        ]
        rescans += scalar.rescans
        skips += rows - begin - scalar.rescans
        for (path, state) in [portable, avx2].enumerated() {
          let name = "\(rows)×\(d), k=\(k), grid \(grid), path \(path)"
          #expect(changed[path] == scalar.changed, "\(name): changed")
          state.expectBitIdentical(to: expected, name)
        }
      }
    }
    #expect(rescans > 0 && skips > 0, "the bounds must both skip and rescan rows: \(rescans) rescans, \(skips) skips")
  }
}
