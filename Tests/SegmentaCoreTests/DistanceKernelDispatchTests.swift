import CKernels
import SegmentaCore
import Testing

/// The C distance kernels (`CKernels`): the AVX2 build must equal the portable SSE2 build bit for bit, and both
/// must equal a plain scalar loop (Σⱼ (aⱼ − bⱼ)² in j order, first minimum on ties), so results are the same on
/// every machine. Data: continuous values (no ties) and a small integer grid with repeated rows (many exact ties).
@Suite struct DistanceKernelDispatchTests {
  /// `rows` × `columns` values, either uniform in [−50, 50) or integers 0..<3 (so rows and distances repeat).
  static func values(rows: Int, columns: Int, grid: Bool, seed: UInt64) -> [Double] {
    var rng = SeededRandom(seed: seed)
    return (0..<(rows * columns)).map { _ in grid ? Double(rng.nextInt(below: 3)) : rng.nextDouble() * 100 - 50 }
  }

  static func squared(_ a: [Double], _ i: Int, _ b: [Double], _ l: Int, columns d: Int) -> Double {
    var sum = 0.0
    for j in 0..<d {
      let delta = a[i * d + j] - b[l * d + j]
      sum += delta * delta
    }
    return sum
  }

  static let shapes: [(rows: Int, columns: Int, k: Int)] = [
    (257, 1, 1), (257, 2, 2), (301, 3, 3), (300, 8, 6), (333, 8, 5), (129, 13, 7), (200, 4, 9), (150, 5, 4),
    (310, 3, 300),  // more centres than the kernels keep on the stack
  ]

  @Test(.enabled(if: segmenta_cpu_has_avx2(), "the CPU has no AVX2"))
  func nearestCentresAreBitIdenticalOnEveryPath() {
    for (rows, d, k) in Self.shapes {
      for grid in [false, true] {
        let x = Self.values(rows: rows, columns: d, grid: grid, seed: UInt64(rows * 31 + d))
        // Centres copied from rows (exact zero distances); on the grid the second repeats the first, so every
        // row nearest to it ties.
        var centres = Array(x[0..<(k * d)])
        if grid && k > 1 { for j in 0..<d { centres[d + j] = centres[j] } }
        let begin = 3
        let count = rows - begin
        var labels = [[Int32]](repeating: [Int32](repeating: -1, count: count), count: 2)
        var distances = [[Double]](repeating: [Double](repeating: .nan, count: count), count: 2)
        var all = [[Double]](repeating: [Double](repeating: .nan, count: count * k), count: 2)
        segmenta_nearest_centres_portable(x, d, begin, rows, centres, k, &labels[0], &distances[0])
        segmenta_nearest_centres_avx2(x, d, begin, rows, centres, k, &labels[1], &distances[1])
        segmenta_centre_distances_portable(x, d, begin, rows, centres, k, &all[0])
        segmenta_centre_distances_avx2(x, d, begin, rows, centres, k, &all[1])
        // The E-step: labels indexed by row (the first `begin` left alone), sums and counts per centre.
        var assigned = [[Int32]](repeating: [Int32](repeating: 0, count: rows), count: 2)
        var sums = [[Double]](repeating: [Double](repeating: 0, count: k * d), count: 2)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: 2)
        let changed = [
          segmenta_assign_rows_portable(x, d, begin, rows, centres, k, &assigned[0], &sums[0], &counts[0]),
          segmenta_assign_rows_avx2(x, d, begin, rows, centres, k, &assigned[1], &sums[1], &counts[1]),
        ]
        var ties = 0
        var expectedSums = [Double](repeating: 0, count: k * d)
        var expectedCounts = [Int](repeating: 0, count: k)
        for i in begin..<rows {
          let exact = (0..<k).map { Self.squared(x, i, centres, $0, columns: d) }
          let nearest = exact.indices.first { exact[$0] == exact.min() } ?? -1
          if exact.filter({ $0 == exact[nearest] }).count > 1 { ties += 1 }
          expectedCounts[nearest] += 1
          for j in 0..<d { expectedSums[nearest * d + j] += x[i * d + j] }
          let label = "\(rows)×\(d), k=\(k), grid \(grid), row \(i)"
          for path in 0..<2 {
            #expect(labels[path][i - begin] == Int32(nearest), "\(label), path \(path)")
            #expect(distances[path][i - begin].bitPattern == exact[nearest].bitPattern, "\(label), path \(path)")
            #expect(assigned[path][i] == Int32(nearest), "\(label), path \(path), E-step")
            for c in 0..<k {
              #expect(all[path][(i - begin) * k + c].bitPattern == exact[c].bitPattern, "\(label), centre \(c)")
            }
          }
        }
        for path in 0..<2 {
          let label = "\(rows)×\(d), k=\(k), grid \(grid), path \(path)"
          #expect(assigned[path][0..<begin].allSatisfy { $0 == 0 }, "\(label): rows before the range untouched")
          #expect(sums[path].map(\.bitPattern) == expectedSums.map(\.bitPattern), "\(label): sums")
          #expect(counts[path] == expectedCounts, "\(label): counts")
          #expect(changed[path] == (assigned[path][begin...].contains { $0 != 0 }), "\(label): changed")
        }
        if grid && k > 1 { #expect(ties > 0, "the grid must produce ties: \(rows)×\(d), k=\(k)") }
      }
    }
  }

  /// Hamerly's assignment as a plain scalar loop (segmenta_kernels.h): bounds absorb the shifts, the tests, the
  /// exact distance to the own centre, the full scan; then the sums in row order. Returns (changed, rescans).
  static func hamerly(
    _ x: [Double], begin: Int, rows: Int, centres: [Double], k: Int, columns d: Int, nearestHalf: [Double],
    shifts: [Double], largest: Int, runnerUp: Double, labels: inout [Int32], upper: inout [Double],
    lower: inout [Double], sums: inout [Double], counts: inout [Int]
  ) -> (changed: Bool, rescans: Int) {
    var changed = false
    var rescans = 0
    for i in begin..<rows {
      let label = Int(labels[i])
      var bound = upper[i] + shifts[label]
      let floor = lower[i] - (label == largest ? runnerUp : shifts[largest])
      let limit = Swift.max(nearestHalf[label], floor)
      if bound >= limit { bound = squared(x, i, centres, label, columns: d).squareRoot() }
      upper[i] = bound
      lower[i] = floor
      if bound >= limit {
        rescans += 1
        let exact = (0..<k).map { squared(x, i, centres, $0, columns: d) }
        let nearest = exact.indices.first { exact[$0] == exact.min() } ?? -1
        upper[i] = exact[nearest].squareRoot()
        lower[i] = (exact.indices.filter { $0 != nearest }.map { exact[$0] }.min() ?? .infinity).squareRoot()
        changed = changed || labels[i] != Int32(nearest)
        labels[i] = Int32(nearest)
      }
    }
    for i in begin..<rows {
      counts[Int(labels[i])] += 1
      for j in 0..<d { sums[Int(labels[i]) * d + j] += x[i * d + j] }
    }
    return (changed, rescans)
  }

  @Test(.enabled(if: segmenta_cpu_has_avx2(), "the CPU has no AVX2"))
  func hamerlyRowsAreBitIdenticalOnEveryPath() {
    var rescans = 0
    var skips = 0
    for (rows, d, k) in Self.shapes {
      for grid in [false, true] {
        let x = Self.values(rows: rows, columns: d, grid: grid, seed: UInt64(rows * 13 + d))
        var centres = Array(x[0..<(k * d)])
        if grid && k > 1 { for j in 0..<d { centres[d + j] = centres[j] } }
        let nearestHalf = (0..<k).map { a in
          ((0..<k).filter { $0 != a }.map { Self.squared(centres, a, centres, $0, columns: d) }.min() ?? .infinity)
            .squareRoot() / 2
        }
        // Bounds around the true distance to a random centre, some loose enough to skip, some not.
        var rng = SeededRandom(seed: UInt64(rows + 7 * d + k))
        let shifts = (0..<k).map { _ in rng.nextDouble() * 2 }
        let largest = shifts.indices.max { shifts[$0] < shifts[$1] } ?? 0
        let runnerUp = shifts.indices.filter { $0 != largest }.map { shifts[$0] }.max() ?? 0
        let labels = (0..<rows).map { _ in Int32(rng.nextInt(below: k)) }
        let upper = (0..<rows).map { i in
          Self.squared(x, i, centres, Int(labels[i]), columns: d).squareRoot() * (0.5 + rng.nextDouble())
        }
        let lower = upper.map { $0 * 1.5 * rng.nextDouble() }
        let begin = 3
        // Path 0 the scalar loop, 1 the portable kernel, 2 the AVX2 kernel.
        var label = [labels, labels, labels]
        var high = [upper, upper, upper]
        var low = [lower, lower, lower]
        var sums = [[Double]](repeating: [Double](repeating: 0, count: k * d), count: 3)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: 3)
        let expected = Self.hamerly(
          x, begin: begin, rows: rows, centres: centres, k: k, columns: d, nearestHalf: nearestHalf, shifts: shifts,
          largest: largest, runnerUp: runnerUp, labels: &label[0], upper: &high[0], lower: &low[0],
          sums: &sums[0], counts: &counts[0])
        let changed = [
          segmenta_hamerly_rows_portable(
            x, d, begin, rows, centres, k, nearestHalf, shifts, largest, runnerUp, &label[1], &high[1], &low[1],
            &sums[1], &counts[1]),
          segmenta_hamerly_rows_avx2(
            x, d, begin, rows, centres, k, nearestHalf, shifts, largest, runnerUp, &label[2], &high[2], &low[2],
            &sums[2], &counts[2]),
        ]
        rescans += expected.rescans
        skips += rows - begin - expected.rescans
        for path in 1...2 {
          let name = "\(rows)×\(d), k=\(k), grid \(grid), path \(path)"
          #expect(changed[path - 1] == expected.changed, "\(name): changed")
          #expect(label[path] == label[0], "\(name): labels")
          #expect(high[path].map(\.bitPattern) == high[0].map(\.bitPattern), "\(name): upper bounds")
          #expect(low[path].map(\.bitPattern) == low[0].map(\.bitPattern), "\(name): lower bounds")
          #expect(sums[path].map(\.bitPattern) == sums[0].map(\.bitPattern), "\(name): sums")
          #expect(counts[path] == counts[0], "\(name): counts")
        }
      }
    }
    #expect(rescans > 0 && skips > 0, "the bounds must both skip and rescan rows: \(rescans) rescans, \(skips) skips")
  }

  /// Elkan's assignment as a plain scalar loop (segmenta_kernels.h), then the sums in row order. Returns
  /// (changed, distances computed).
  static func elkan(
    _ x: [Double], begin: Int, rows: Int, centres: [Double], k: Int, columns d: Int, half: [Double],
    nearestHalf: [Double], shifts: [Double], labels: inout [Int32], upper: inout [Double], lower: inout [Double],
    sums: inout [Double], counts: inout [Int]
  ) -> (changed: Bool, distances: Int) {
    var changed = false
    var distances = 0
    for i in begin..<rows {
      var label = Int(labels[i])
      var bound = upper[i] + shifts[label]
      upper[i] = bound
      for j in 0..<k { lower[i * k + j] = Swift.max(lower[i * k + j] - shifts[j], 0) }
      guard nearestHalf[label] <= bound else { continue }
      var boundSquared = 0.0
      var tight = false
      for j in 0..<k where j != label && bound >= lower[i * k + j] && bound >= half[label * k + j] {
        if !tight {
          boundSquared = squared(x, i, centres, label, columns: d)
          bound = boundSquared.squareRoot()
          lower[i * k + label] = bound
          tight = true
          if bound < lower[i * k + j] || bound < half[label * k + j] { continue }
        }
        let squared = squared(x, i, centres, j, columns: d)
        distances += 1
        lower[i * k + j] = squared.squareRoot()
        if squared < boundSquared || (squared == boundSquared && j < label) {
          label = j
          bound = squared.squareRoot()
          boundSquared = squared
        }
      }
      upper[i] = bound
      changed = changed || labels[i] != Int32(label)
      labels[i] = Int32(label)
    }
    for i in begin..<rows {
      counts[Int(labels[i])] += 1
      for j in 0..<d { sums[Int(labels[i]) * d + j] += x[i * d + j] }
    }
    return (changed, distances)
  }

  @Test(.enabled(if: segmenta_cpu_has_avx2(), "the CPU has no AVX2"))
  func elkanRowsAreBitIdenticalOnEveryPath() {
    var examined = 0
    for (rows, d, k) in Self.shapes {
      for grid in [false, true] {
        let x = Self.values(rows: rows, columns: d, grid: grid, seed: UInt64(rows * 11 + d))
        var centres = Array(x[0..<(k * d)])
        if grid && k > 1 { for j in 0..<d { centres[d + j] = centres[j] } }
        let half = (0..<(k * k)).map { Self.squared(centres, $0 / k, centres, $0 % k, columns: d).squareRoot() / 2 }
        let nearestHalf = (0..<k).map { a in (0..<k).filter { $0 != a }.map { half[a * k + $0] }.min() ?? .infinity }
        // Bounds around the true distances, some loose enough to skip, some not.
        var rng = SeededRandom(seed: UInt64(rows + 5 * d + k))
        let shifts = (0..<k).map { _ in rng.nextDouble() * 2 }
        let labels = (0..<rows).map { _ in Int32(rng.nextInt(below: k)) }
        let upper = (0..<rows).map { i in
          Self.squared(x, i, centres, Int(labels[i]), columns: d).squareRoot() * (0.5 + rng.nextDouble())
        }
        let lower = (0..<(rows * k)).map { p in
          Self.squared(x, p / k, centres, p % k, columns: d).squareRoot() * 1.2 * rng.nextDouble()
        }
        let begin = 3
        // Path 0 the scalar loop, 1 the portable kernel, 2 the AVX2 kernel.
        var label = [labels, labels, labels]
        var high = [upper, upper, upper]
        var low = [lower, lower, lower]
        var sums = [[Double]](repeating: [Double](repeating: 0, count: k * d), count: 3)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: 3)
        let expected = Self.elkan(
          x, begin: begin, rows: rows, centres: centres, k: k, columns: d, half: half, nearestHalf: nearestHalf,
          shifts: shifts, labels: &label[0], upper: &high[0], lower: &low[0], sums: &sums[0], counts: &counts[0])
        let changed = [
          segmenta_elkan_rows_portable(
            x, d, begin, rows, centres, k, half, nearestHalf, shifts, &label[1], &high[1], &low[1], &sums[1],
            &counts[1]),
          segmenta_elkan_rows_avx2(
            x, d, begin, rows, centres, k, half, nearestHalf, shifts, &label[2], &high[2], &low[2], &sums[2],
            &counts[2]),
        ]
        examined += expected.distances
        for path in 1...2 {
          let name = "\(rows)×\(d), k=\(k), grid \(grid), path \(path)"
          #expect(changed[path - 1] == expected.changed, "\(name): changed")
          #expect(label[path] == label[0], "\(name): labels")
          #expect(high[path].map(\.bitPattern) == high[0].map(\.bitPattern), "\(name): upper bounds")
          #expect(low[path].map(\.bitPattern) == low[0].map(\.bitPattern), "\(name): lower bounds")
          #expect(sums[path].map(\.bitPattern) == sums[0].map(\.bitPattern), "\(name): sums")
          #expect(counts[path] == counts[0], "\(name): counts")
        }
      }
    }
    #expect(examined > 0, "the bounds must let some distances through")
  }

  @Test(.enabled(if: segmenta_cpu_has_avx2(), "the CPU has no AVX2"))
  func wardScansAreBitIdenticalOnEveryPath() {
    var ties = 0
    for (rows, d, _) in Self.shapes {
      for grid in [false, true] {
        let x = Self.values(rows: rows, columns: d, grid: grid, seed: UInt64(rows * 17 + d))
        var rng = SeededRandom(seed: UInt64(rows + d))
        var sizes = (0..<rows).map { _ in Double(1 + rng.nextInt(below: grid ? 2 : 40)) }
        var columns = [Double](repeating: 0, count: rows * d)
        for i in 0..<rows { for j in 0..<d { columns[j * rows + i] = x[i * d + j] } }
        // Every seventh position removed (first coordinate +∞, size 0), as the Ward store marks them.
        for p in Swift.stride(from: 5, to: rows, by: 7) {
          columns[p] = .infinity
          sizes[p] = 0
        }
        for tip in [0, rows / 2, rows - 1] where sizes[tip] > 0 {
          let a = (0..<d).map { x[tip * d + $0] }
          let saved = columns[tip]
          columns[tip] = .infinity
          defer { columns[tip] = saved }
          for (begin, end) in [(0, rows), (1, rows - 2), (2, 5), (7, 8)] {
            let portable = segmenta_ward_nearest_portable(columns, rows, sizes, d, begin, end, a, sizes[tip])
            let avx2 = segmenta_ward_nearest_avx2(columns, rows, sizes, d, begin, end, a, sizes[tip])
            var expected = (value: Double.infinity, position: -1)
            var values: [Double] = []
            for p in begin..<end where p != tip && sizes[p] > 0 {
              var squared = 0.0
              for j in 0..<d {
                let delta = a[j] - x[p * d + j]
                squared += delta * delta
              }
              let value = sizes[tip] * sizes[p] / (sizes[tip] + sizes[p]) * squared
              values.append(value)
              if value < expected.value { expected = (value, p) }
            }
            if grid && end - begin == rows { ties += values.filter { $0 == expected.value }.count > 1 ? 1 : 0 }
            let label = "\(rows)×\(d), grid \(grid), tip \(tip), \(begin)..<\(end)"
            for found in [portable, avx2] {
              #expect(found.position == expected.position, "\(label)")
              #expect(found.value.bitPattern == expected.value.bitPattern, "\(label)")
            }
          }
        }
      }
    }
    #expect(ties > 0, "the grids must produce tied minima")
  }
}
