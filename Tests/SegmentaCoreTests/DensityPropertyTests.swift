import Foundation
import Synchronization
import Testing

@testable import SegmentaCore

/// Properties of DBSCAN and HDBSCAN that must hold for every seed; failures name the seed.
@Suite struct DensityPropertyTests {
  static let seeds: [UInt64] = [1, 2, 3, 42, 2024]

  /// Gaussian-ish blobs (sums of uniforms) of different spread plus uniform background noise.
  static func blobs(rows: Int, columns: Int, seed: UInt64) -> FeatureMatrix {
    var rng = SeededRandom(seed: seed)
    let centres = (0..<(4 * columns)).map { _ in rng.nextDouble() * 40 - 20 }
    var values = ContiguousArray<Double>()
    for i in 0..<rows {
      let background = i % 10 == 9
      let c = i % 4
      for j in 0..<columns {
        let spread = 0.5 + Double(c) * 0.4
        let jitter = (0..<4).reduce(0.0) { sum, _ in sum + rng.nextDouble() - 0.5 } * spread
        values.append(background ? rng.nextDouble() * 60 - 30 : centres[c * columns + j] + jitter)
      }
    }
    return FeatureMatrix(rows: rows, columns: columns, names: (1...columns).map { "x\($0)" }, values: values)
  }

  /// The rows of `data` in the order `permutation` (row i of the result is row permutation[i] of `data`).
  static func permuted(_ data: FeatureMatrix, seed: UInt64) -> (FeatureMatrix, [Int]) {
    var rng = SeededRandom(seed: seed &+ 1000)
    var order = Array(0..<data.rows)
    for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.nextInt(below: i + 1)) }
    return (data.selectingRows(order), order)
  }

  static func squaredDistance(_ data: FeatureMatrix, _ a: Int, _ b: Int) -> Double {
    (0..<data.columns).reduce(0.0) { sum, j in sum + (data[a, j] - data[b, j]) * (data[a, j] - data[b, j]) }
  }

  @Test func oneAndTwoThreadsGiveIdenticalResults() throws {
    for seed in Self.seeds.prefix(3) {
      // More than one 512-row chunk, so the parallel paths and chunk-order reductions are exercised.
      let data = Self.blobs(rows: 2600, columns: 3, seed: seed)
      let models: [any ClusteringAlgorithm] = [DBSCAN(eps: 1.2, minPoints: 6), HDBSCAN(minSize: 20)]
      for model in models {
        var rng1 = SeededRandom(seed: seed)
        var rng2 = SeededRandom(seed: seed)
        let one = try model.fit(data, context: ExecutionContext(threads: 1), rng: &rng1)
        let two = try model.fit(data, context: ExecutionContext(threads: 2), rng: &rng2)
        #expect(one == two, "seed \(seed), \(model.algorithmName)")
        #expect(one.k >= 2, "seed \(seed), \(model.algorithmName): the blobs should be found")
        let again = try model.fit(data, context: ExecutionContext(threads: 2), rng: &rng2)
        #expect(again == one, "seed \(seed), \(model.algorithmName): a second fit differs")
      }
    }
  }

  /// Noise is never assigned: a noise row has no core point within eps; every labelled non-core row has a core
  /// point of its own segment within eps; centroids are the means of members only.
  @Test func dbscanNoiseAndBorderPointsFollowTheDefinition() throws {
    for seed in Self.seeds {
      let data = Self.blobs(rows: 400, columns: 2, seed: seed)
      let eps = 1.0
      let partition = try DBSCAN.partition(data, eps: eps, minPoints: 5, context: .init())
      for i in 0..<data.rows {
        let neighbours = (0..<data.rows).filter { Self.squaredDistance(data, i, $0) <= eps * eps }
        #expect(partition.isCore[i] == (neighbours.count >= 5), "seed \(seed), row \(i): core flag")
        let coreLabels = Set(neighbours.filter { partition.isCore[$0] }.map { partition.labels[$0] })
        if partition.labels[i] < 0 {
          #expect(coreLabels.isEmpty, "seed \(seed), row \(i): noise next to a core point")
        } else if !partition.isCore[i] {
          #expect(partition.labels[i] == coreLabels.min(), "seed \(seed), row \(i): border not in the first segment")
        }
      }
      var rng = SeededRandom(seed: seed)
      let result = try DBSCAN(eps: eps, minPoints: 5).fit(data, context: .init(), rng: &rng)
      let members = data.selectingRows((0..<data.rows).filter { result.labels[$0] == 0 })
      let mean = (0..<2).map { j in (0..<members.rows).reduce(0.0) { $0 + members[$1, j] } / Double(members.rows) }
      #expect(result.centroids?.row(0).elementsEqual(mean) { abs($0 - $1) <= 1e-12 * max(1, abs($1)) } == true)
    }
  }

  /// Across 512-row chunks, labels and core flags equal DBSCAN's definition computed by brute force (core flags
  /// from neighbour counts, segments as connected components of the core graph numbered by their smallest row,
  /// border points in the smallest segment among their core neighbours), for narrow and wide eps.
  @Test func dbscanEqualsTheDefinitionAcrossChunks() throws {
    for seed in Self.seeds.prefix(1) {
      let data = Self.blobs(rows: 1100, columns: 2, seed: seed)
      for eps in [0.3, 0.8, 4] {
        let reference = Self.bruteForceDBSCAN(data, eps: eps, minPoints: 5)
        let partition = try DBSCAN.partition(data, eps: eps, minPoints: 5, context: ExecutionContext(threads: 2))
        Self.expectSame(partition, reference, "seed \(seed), eps \(eps)")
      }
    }
  }

  /// Two chains in the second chunk meet only through one core point of the first chunk: one segment. (Cross-chunk
  /// edges are kept once per earlier point and chunk-local component; once per earlier point would lose one chain.)
  @Test func dbscanJoinsTwoChainsThroughOnePointOfAnEarlierChunk() throws {
    // 1,024 rows, split by x at the middle position: the first chunk is the 511 spread-out noise rows and the hub
    // at the origin, the second the two chains going up and down from it, 0.8 apart at their ends.
    let noise = (0..<511).map { i in [-10 - 2 * Double(i), 0] }
    let hub = [[-0.01, 0.0]]
    let up = (0..<256).map { j in [0.3, 0.4 + 0.5 * Double(j)] }
    let down = (0..<256).map { j in [0.3, -0.4 - 0.5 * Double(j)] }
    let data = FeatureMatrix(rowsOf: noise + hub + up + down)
    let partition = try DBSCAN.partition(data, eps: 0.6, minPoints: 3, context: ExecutionContext(threads: 1))
    Self.expectSame(partition, Self.bruteForceDBSCAN(data, eps: 0.6, minPoints: 3), "two chains")
    #expect(partition.k == 1)
    #expect(partition.labels[511...].allSatisfy { $0 == 0 } && partition.labels[..<511].allSatisfy { $0 == -1 })
  }

  /// Expects equal partitions, naming the first row that differs rather than printing every label.
  static func expectSame(
    _ partition: DBSCAN.Partition, _ reference: DBSCAN.Partition, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let row = reference.labels.indices.first {
      partition.labels[$0] != reference.labels[$0] || partition.isCore[$0] != reference.isCore[$0]
    }
    #expect(row == nil, "\(what): row \(row ?? -1) differs", sourceLocation: sourceLocation)
    #expect(partition.k == reference.k, "\(what): segments", sourceLocation: sourceLocation)
  }

  /// DBSCAN by its definition in O(n²), the reference for the tests above.
  static func bruteForceDBSCAN(_ data: FeatureMatrix, eps: Double, minPoints: Int) -> DBSCAN.Partition {
    let n = data.rows
    let neighbours = (0..<n).map { i in (0..<n).filter { Self.squaredDistance(data, i, $0) <= eps * eps } }
    let isCore = ContiguousArray(neighbours.map { $0.count >= minPoints })
    var labels = ContiguousArray<Int32>(repeating: -1, count: n)
    var k: Int32 = 0
    for start in 0..<n where isCore[start] && labels[start] < 0 {
      labels[start] = k
      var stack = [start]
      while let p = stack.popLast() {
        for o in neighbours[p] where isCore[o] && labels[o] < 0 {
          labels[o] = k
          stack.append(o)
        }
      }
      k += 1
    }
    for i in 0..<n where !isCore[i] {
      labels[i] = neighbours[i].filter { isCore[$0] }.map { labels[$0] }.min() ?? -1
    }
    return DBSCAN.Partition(labels: labels, isCore: isCore, k: Int(k))
  }

  /// Row order: core points and noise do not depend on it, and the segments of core points are the same up to
  /// numbering; only border points within eps of two segments may move.
  @Test func dbscanCorePartitionDoesNotDependOnRowOrder() throws {
    for seed in Self.seeds {
      let data = Self.blobs(rows: 500, columns: 2, seed: seed)
      let (shuffled, order) = Self.permuted(data, seed: seed)
      let a = try DBSCAN.partition(data, eps: 0.9, minPoints: 5, context: .init())
      let b = try DBSCAN.partition(shuffled, eps: 0.9, minPoints: 5, context: .init())
      let back = order.indices.map { (a.labels[order[$0]], a.isCore[order[$0]]) }
      #expect(zip(back, b.isCore).allSatisfy { $0.1 == $1 }, "seed \(seed): core flags moved")
      #expect(zip(back, b.labels).allSatisfy { ($0.0 < 0) == ($1 < 0) }, "seed \(seed): noise moved")
      let core = b.isCore.indices.filter { b.isCore[$0] }
      let ari = try ClusterMetrics.adjustedRandIndex(
        ContiguousArray(core.map { back[$0].0 }), ContiguousArray(core.map { b.labels[$0] }))
      #expect(ari == 1, "seed \(seed): core segments differ")
      #expect(a.k == b.k, "seed \(seed)")
    }
  }

  /// HDBSCAN: noise stays noise through canonical renumbering, every segment has at least min_size rows, and row
  /// order only matters through ties in mutual reachability (ARI ≥ 0.99 after shuffling).
  @Test func hdbscanSegmentsAreLargeEnoughAndBarelyDependOnRowOrder() throws {
    for seed in Self.seeds {
      let data = Self.blobs(rows: 600, columns: 3, seed: seed)
      var rng = SeededRandom(seed: seed)
      let model = HDBSCAN(minSize: 12, minSamples: 6)
      let result = try model.fit(data, context: .init(), rng: &rng)
      let sizes = (0..<result.k).map { s in result.labels.filter { $0 == s }.count }
      #expect(sizes.allSatisfy { $0 >= 12 }, "seed \(seed): sizes \(sizes)")
      #expect(result.labels.allSatisfy { $0 >= -1 && $0 < result.k }, "seed \(seed)")
      let canonical = result.canonicalized()
      #expect(zip(result.labels, canonical.labels).allSatisfy { ($0 < 0) == ($1 < 0) }, "seed \(seed)")
      let (shuffled, order) = Self.permuted(data, seed: seed)
      let other = try model.fit(shuffled, context: .init(), rng: &rng)
      let ari = try ClusterMetrics.adjustedRandIndex(
        ContiguousArray(order.map { result.labels[$0] }), other.labels, noise: .asSegment)
      #expect(ari >= 0.99, "seed \(seed): ARI \(ari) after shuffling")
    }
  }

  @Test func everythingIsNoiseWhenNoDenseRegionIsLargeEnough() throws {
    let data = Self.blobs(rows: 60, columns: 2, seed: 5)
    var rng = SeededRandom(seed: 5)
    let dbscan = try DBSCAN(eps: 1e-6, minPoints: 3).fit(data, context: .init(), rng: &rng)
    #expect(dbscan.k == 0 && dbscan.labels.allSatisfy { $0 == -1 })
    let hdbscan = try HDBSCAN(minSize: 40).fit(data, context: .init(), rng: &rng)
    #expect(hdbscan.k == 0 && hdbscan.labels.allSatisfy { $0 == -1 })
    #expect(hdbscan.canonicalized().k == 0)
  }

  @Test func invalidParametersAndDataSayWhatToDo() {
    let data = FeatureMatrix(rowsOf: [[0, 1], [1, .nan], [2, 2]])
    var rng = SeededRandom(seed: 1)
    #expect(throws: SegmentaError.self) { try DBSCAN(eps: 0).fit(data, context: .init(), rng: &rng) }
    #expect(throws: SegmentaError.missingValues(counts: [.init(column: "x2", missing: 1, rows: 3)])) {
      try DBSCAN(eps: 1).fit(data, context: .init(), rng: &rng)
    }
    let finite = FeatureMatrix(rowsOf: [[0, 1], [1, 1], [2, 2]])
    #expect(throws: SegmentaError.self) { try HDBSCAN(minSize: 1).fit(finite, context: .init(), rng: &rng) }
    #expect(throws: SegmentaError.self) {
      try HDBSCAN(minSize: 2, minSamples: 4).fit(finite, context: .init(), rng: &rng)
    }
    let infinite = FeatureMatrix(rowsOf: [[0, .infinity], [1, 1]])
    #expect(throws: SegmentaError.self) { try HDBSCAN(minSize: 2).fit(infinite, context: .init(), rng: &rng) }
  }

  @Test func cancellationStopsBetweenPhases() {
    let data = Self.blobs(rows: 300, columns: 2, seed: 9)
    let flag = CancellationFlag()
    flag.cancel()
    var rng = SeededRandom(seed: 1)
    let context = ExecutionContext(threads: 1, cancellation: flag)
    #expect(throws: SegmentaError.interrupted) { try DBSCAN(eps: 1).fit(data, context: context, rng: &rng) }
    #expect(throws: SegmentaError.interrupted) { try HDBSCAN(minSize: 5).fit(data, context: context, rng: &rng) }
  }

  /// Ctrl-C at a wide eps, where joining the core points visits every pair of rows: the fit stops within a
  /// second of the flag, not when that phase ends.
  @Test func cancellationWhileJoiningCorePointsStopsWithinASecond() {
    // 12,000 rows in a 2 × 2 square and eps 3: every row is a neighbour of every other (1.4 × 10⁸ pairs).
    var random = SeededRandom(seed: 3)
    let values = ContiguousArray((0..<24_000).map { _ in random.nextDouble() * 2 })
    let data = FeatureMatrix(rows: 12_000, columns: 2, names: ["x", "y"], values: values)
    let context = ExecutionContext(threads: 2)
    let cancelledAt = Atomic<UInt64>(0)
    // A thread of its own (not the dispatch pool, which the fit and other tests keep busy) sets the flag.
    Thread.detachNewThread {
      Thread.sleep(forTimeInterval: 0.2)
      cancelledAt.store(DispatchTime.now().uptimeNanoseconds, ordering: .sequentiallyConsistent)
      context.cancellation.cancel()
    }
    #expect(throws: SegmentaError.interrupted) { try DBSCAN.partition(data, eps: 3, minPoints: 5, context: context) }
    let stopped = DispatchTime.now().uptimeNanoseconds
    let seconds = Double(stopped - min(stopped, cancelledAt.load(ordering: .sequentiallyConsistent))) / 1e9
    #expect(seconds < 1, "stopped \(seconds) s after the flag was set")
  }
}
