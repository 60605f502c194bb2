import CKernels
import SegmentaCore
import Testing

/// Elkan's pass (`segmenta_elkan_rows`): single-precision bounds rounded outward, kept as of each row's stamp and
/// moved by the drift since then, the rows whose bounds admit another centre scanned in full.
extension BoundedKernelDispatchTests {
  /// What one assignment of Elkan's reads and writes.
  struct ElkanState {
    var labels: [Int32]
    var upper: [Float]
    var lower: [Float]
    var stamps: [UInt8]
    var sums: [Double]
    var counts: [Int]

    func expectBitIdentical(to expected: ElkanState, _ name: String) {
      #expect(labels == expected.labels, "\(name): labels")
      #expect(upper.map(\.bitPattern) == expected.upper.map(\.bitPattern), "\(name): upper bounds")
      #expect(lower.map(\.bitPattern) == expected.lower.map(\.bitPattern), "\(name): lower bounds")
      #expect(stamps == expected.stamps, "\(name): stamps")
      #expect(sums.map(\.bitPattern) == expected.sums.map(\.bitPattern), "\(name): sums")
      #expect(counts == expected.counts, "\(name): counts")
    }
  }

  /// One case: the data and centres of ``Case``, random labels and stamps 0..<3, a drift table of three stamps,
  /// upper bounds around the distance to the row's centre and lower bounds below or around the distances to all.
  struct ElkanCase {
    let x: [Double]
    let centres: [Double]
    let half: [Double]
    let nearestHalf: [Double]
    let drift: [Double]
    let state: ElkanState

    init(rows: Int, columns d: Int, k: Int, grid: Bool) {
      let base = Case(rows: rows, columns: d, k: k, grid: grid)
      var rng = SeededRandom(seed: UInt64(rows * 5 + 11 * d + k))
      let labels = (0..<rows).map { _ in Int32(rng.nextInt(below: k)) }
      let distance = { (i: Int, c: Int) in Kernels.squared(base.x, i, base.centres, c, columns: d).squareRoot() }
      x = base.x
      centres = base.centres
      half = base.half(k: k, columns: d).enumerated().map { $0.offset % (k + 1) == 0 ? .infinity : $0.element }
      nearestHalf = base.nearestHalf(k: k, columns: d)
      drift = (0..<(3 * k)).map { $0 < 2 * k ? rng.nextDouble() : 0 }
      state = ElkanState(
        labels: labels,
        upper: (0..<rows).map { Float(distance($0, Int(labels[$0])) * (0.5 + rng.nextDouble())) },
        lower: (0..<(rows * k)).map { Float(distance($0 / k, $0 % k) * 1.5 * rng.nextDouble()) },
        stamps: (0..<rows).map { _ in UInt8(rng.nextInt(below: 3)) },
        sums: [Double](repeating: 0, count: k * d), counts: [Int](repeating: 0, count: k))
    }
  }

  /// The largest float ≤ v.
  static func floatBelow(_ v: Double) -> Float {
    let f = Float(v)
    return Double(f) > v ? f.nextDown : f
  }

  /// The smallest float ≥ v.
  static func floatAbove(_ v: Double) -> Float {
    let f = Float(v)
    return Double(f) < v ? f.nextUp : f
  }

  /// Elkan's assignment as a plain scalar loop of the documented steps (segmenta_kernels.h), then the sums in row
  /// order. Returns (changed, rows scanned).
  static func elkan(
    _ test: ElkanCase, begin: Int, k: Int, columns d: Int, stamp: UInt8, refresh: Bool, _ s: inout ElkanState
  ) -> (changed: Bool, scanned: Int) {
    var changed = false
    var scanned = 0
    for i in begin..<s.labels.count {
      let label = Int(s.labels[i])
      let moved = Array(test.drift[(Int(s.stamps[i]) * k)..<(Int(s.stamps[i]) * k + k)])
      let sum = Double(s.upper[i]) + moved[label]
      let bound = sum > 0 && sum < .infinity ? sum.nextUp : sum
      let open = (0..<k).contains { j in
        Double(s.lower[i * k + j]) <= bound + moved[j] && bound >= test.half[label * k + j]
      }
      if open && test.nearestHalf[label] <= bound {
        scanned += 1
        let exact = (0..<k).map { Kernels.squared(test.x, i, test.centres, $0, columns: d) }
        let nearest = exact.indices.first { exact[$0] == exact.min() } ?? 0
        changed = changed || s.labels[i] != Int32(nearest)
        s.labels[i] = Int32(nearest)
        s.upper[i] = floatAbove(exact[nearest].squareRoot())
        for j in 0..<k { s.lower[i * k + j] = floatBelow(exact[j].squareRoot()) }
        s.stamps[i] = stamp
      } else if refresh {
        for j in 0..<k {
          let difference = Double(s.lower[i * k + j]) - moved[j]
          s.lower[i * k + j] = floatBelow(difference > 0 ? Swift.max(difference.nextDown, 0) : 0)
        }
        s.upper[i] = floatAbove(bound)
        s.stamps[i] = stamp
      }
    }
    addRows(test.x, labels: s.labels, begin: begin, columns: d, sums: &s.sums, counts: &s.counts)
    return (changed, scanned)
  }

  /// Both builds of the C pass on `state`.
  static func elkanKernels(
    _ test: ElkanCase, begin: Int, k: Int, columns d: Int, stamp: UInt8, refresh: Bool
  ) -> [(changed: Bool, state: ElkanState)] {
    [segmenta_elkan_rows_portable, segmenta_elkan_rows_avx2].map { kernel in
      var s = test.state
      let changed = kernel(
        test.x, d, begin, s.labels.count, test.centres, k, test.half, test.nearestHalf, test.drift, stamp, refresh,
        &s.labels, &s.upper, &s.lower, &s.stamps, &s.sums, &s.counts)
      return (changed, s)
    }
  }

  @Test(.enabled(if: segmenta_cpu_has_avx2(), "the CPU has no AVX2"))
  func elkanRowsAreBitIdenticalOnEveryPath() {
    var scanned = 0
    var skipped = 0
    for (rows, d, k) in Kernels.shapes {
      for grid in [false, true] {
        for refresh in [false, true] {
          let test = ElkanCase(rows: rows, columns: d, k: k, grid: grid)
          let begin = 3
          var expected = test.state
          let scalar = Self.elkan(test, begin: begin, k: k, columns: d, stamp: 7, refresh: refresh, &expected)
          scanned += scalar.scanned
          skipped += rows - begin - scalar.scanned
          for (path, result) in Self.elkanKernels(test, begin: begin, k: k, columns: d, stamp: 7, refresh: refresh)
            .enumerated()
          {
            let name = "\(rows)×\(d), k=\(k), grid \(grid), refresh \(refresh), path \(path)"
            #expect(result.changed == scalar.changed, "\(name): changed")
            result.state.expectBitIdentical(to: expected, name)
          }
        }
      }
    }
    #expect(scanned > 0 && skipped > 0, "the bounds must both skip and scan rows: \(scanned), \(skipped)")
  }

  /// The bounds a scan writes are bounds: each stored lower bound ≤ the distance to its centre and the upper bound
  /// ≥ the distance to the row's centre, although single precision rounds about half of them the other way when
  /// rounded to nearest.
  @Test func elkanScannedBoundsAreRoundedOutward() {
    var below = 0
    var above = 0
    for (rows, d, k) in Kernels.shapes {
      let test = ElkanCase(rows: rows, columns: d, k: k, grid: false)
      for (_, state) in Self.elkanKernels(test, begin: 0, k: k, columns: d, stamp: 7, refresh: false) {
        for i in 0..<rows where state.stamps[i] == 7 {
          let exact = (0..<k).map { Kernels.squared(test.x, i, test.centres, $0, columns: d).squareRoot() }
          #expect(Double(state.upper[i]) >= exact[Int(state.labels[i])], "row \(i): upper bound")
          for j in 0..<k {
            #expect(Double(state.lower[i * k + j]) <= exact[j], "row \(i), centre \(j): lower bound")
            if Double(Float(exact[j])) > exact[j] { below += 1 }
          }
          if Double(Float(exact[Int(state.labels[i])])) < exact[Int(state.labels[i])] { above += 1 }
        }
      }
    }
    #expect(below > 0 && above > 0, "rounding to nearest must have gone the wrong way somewhere: \(below), \(above)")
  }
}
