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
