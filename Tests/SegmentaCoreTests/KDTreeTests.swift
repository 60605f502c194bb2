import Testing

@testable import SegmentaCore

/// The k-d tree answers exactly what a brute-force scan answers, on random data with ties, for several seeds.
@Suite struct KDTreeTests {
  static let seeds: [UInt64] = [1, 2, 3, 42, 2024]

  /// `rows × columns` values; with `grid`, coordinates are small integers so that equal distances are common.
  static func random(rows: Int, columns: Int, grid: Bool, seed: UInt64) -> FeatureMatrix {
    var rng = SeededRandom(seed: seed)
    let values = (0..<(rows * columns)).map { _ in grid ? Double(rng.nextInt(below: 7)) : rng.nextDouble() * 10 - 5 }
    return FeatureMatrix(
      rows: rows, columns: columns, names: (1...columns).map { "x\($0)" }, values: ContiguousArray(values))
  }

  static func squaredDistance(_ data: FeatureMatrix, _ a: Int, _ b: Int) -> Double {
    var sum = 0.0
    for j in 0..<data.columns {
      let delta = data[a, j] - data[b, j]
      sum += delta * delta
    }
    return sum
  }

  @Test(arguments: [(1, false), (2, false), (3, true), (5, false), (8, true)])
  func radiusQueriesEqualBruteForce(columns: Int, grid: Bool) {
    for seed in Self.seeds {
      let data = Self.random(rows: 400, columns: columns, grid: grid, seed: seed)
      let tree = KDTree(data, leafSize: 8)
      for radius in [0.0, 1.0, 2.5, 9.0] {
        tree.withQueries { q in
          for p in stride(from: 0, to: data.rows, by: 7) {
            let row = tree.order[p]
            let expected = (0..<data.rows).filter { Self.squaredDistance(data, row, $0) <= radius }
            var found: [Int] = []
            q.forEach(within: radius, of: q.point(p)) { found.append(tree.order[$0]) }
            #expect(found.sorted() == expected, "seed \(seed), d=\(columns), r²=\(radius), row \(row)")
            #expect(q.count(within: radius, of: q.point(p)) == expected.count, "seed \(seed), row \(row)")
            let limited = q.count(within: radius, of: q.point(p), limit: 3)
            #expect(min(limited, 3) == min(expected.count, 3), "seed \(seed), row \(row)")
          }
        }
      }
    }
  }

  @Test(arguments: [(1, true), (2, false), (3, true), (6, false)])
  func nearestNeighboursEqualBruteForceWithRowTieBreak(columns: Int, grid: Bool) {
    for seed in Self.seeds {
      let data = Self.random(rows: 300, columns: columns, grid: grid, seed: seed)
      let tree = KDTree(data, leafSize: 5)
      for k in [1, 4, 17] {
        var heap = NeighbourHeap(capacity: k)
        tree.withQueries { q in
          for p in stride(from: 0, to: data.rows, by: 11) {
            let row = tree.order[p]
            let all: [(Double, Int)] = (0..<data.rows).map { (Self.squaredDistance(data, row, $0), $0) }
            let expected = all.sorted { $0 < $1 }.prefix(k)
            q.nearest(to: q.point(p), heap: &heap)
            let found = heap.sorted()
            #expect(found.map(\.row) == expected.map(\.1), "seed \(seed), d=\(columns), k=\(k), row \(row)")
            #expect(found.map(\.distance) == expected.map(\.0), "seed \(seed), row \(row)")
            #expect(heap.worst == expected.last?.0, "seed \(seed), row \(row)")
          }
        }
      }
    }
  }

  @Test func everyRowIsInTheTreeOnceAndNodesHoldTheirPoints() {
    for seed in Self.seeds {
      let data = Self.random(rows: 1000, columns: 3, grid: seed.isMultiple(of: 2), seed: seed)
      let tree = KDTree(data, leafSize: 10)
      #expect(tree.order.sorted() == Array(0..<1000), "seed \(seed)")
      let misplaced = (0..<tree.nodeCount).first { node in
        (tree.start[node]..<tree.end[node]).contains { p in
          (0..<3).contains { j in
            let v = tree.points[p * 3 + j]
            return v != data[tree.order[p], j] || v < tree.lower[node * 3 + j] || v > tree.upper[node * 3 + j]
          }
        }
      }
      #expect(misplaced == nil, "seed \(seed): node \(misplaced ?? -1) holds a point outside its box")
    }
  }

  @Test func singleRowTree() {
    let data = FeatureMatrix(rowsOf: [[1, 2]])
    let tree = KDTree(data)
    var heap = NeighbourHeap(capacity: 1)
    tree.withQueries { q in
      q.nearest(to: q.point(0), heap: &heap)
      #expect(q.count(within: 0, of: q.point(0)) == 1)
    }
    #expect(heap.worst == 0)
  }
}
