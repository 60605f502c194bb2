import SegmentaCore
import Testing

/// Properties of k-means that must hold for every seed; failures name the seed.
@Suite struct KMeansPropertyTests {
  static let seeds: [UInt64] = [1, 2, 3, 42, 2024]

  /// `rows × columns` values around `centres` well-separated blobs, drawn from `seed`.
  static func blobs(rows: Int, columns: Int, centres: Int, spread: Double, seed: UInt64) -> FeatureMatrix {
    var rng = SeededRandom(seed: seed)
    let means = (0..<(centres * columns)).map { _ in rng.nextDouble() * 100 }
    var values = ContiguousArray<Double>()
    values.reserveCapacity(rows * columns)
    for i in 0..<rows {
      let c = i % centres
      for j in 0..<columns { values.append(means[c * columns + j] + (rng.nextDouble() - 0.5) * spread) }
    }
    return FeatureMatrix(rows: rows, columns: columns, names: (1...columns).map { "x\($0)" }, values: values)
  }

  @Test(arguments: [KMeans.Initialization.kMeansPlusPlus, .random])
  func oneAndTwoThreadsGiveIdenticalResults(initialization: KMeans.Initialization) throws {
    for seed in Self.seeds {
      // More than one 1024-row chunk, so the parallel path and the chunk-order reduction are exercised.
      let data = Self.blobs(rows: 3000, columns: 3, centres: 5, spread: 60, seed: seed)
      let model = KMeans(k: 5, initialization: initialization, nInit: 3)
      var rng1 = SeededRandom(seed: seed)
      var rng2 = SeededRandom(seed: seed)
      let one = try model.fit(data, context: ExecutionContext(threads: 1), rng: &rng1)
      let two = try model.fit(data, context: ExecutionContext(threads: 2), rng: &rng2)
      #expect(one == two, "seed \(seed)")
      #expect(rng1.next() == rng2.next(), "seed \(seed): generator state after fit")
    }
  }

  @Test func inertiaNeverIncreasesOverLloydIterations() throws {
    for seed in Self.seeds {
      let data = Self.blobs(rows: 400, columns: 2, centres: 6, spread: 80, seed: seed)
      var rng = SeededRandom(seed: seed)
      let start = try KMeans(k: 6, nInit: 1, maxIterations: 1).fit(data, context: .init(), rng: &rng)
      let centres = try #require(start.centroids)
      var previous = Double.infinity
      for iterations in 1...15 {
        var unused = SeededRandom(seed: 0)
        let model = KMeans(k: 6, initialization: .explicit(centres), maxIterations: iterations, tolerance: 0)
        let inertia = try #require(try model.fit(data, context: .init(), rng: &unused).inertia)
        #expect(inertia <= previous * (1 + 1e-12), "seed \(seed), iteration \(iterations): \(inertia) > \(previous)")
        previous = inertia
      }
    }
  }

  @Test func moreRunsNeverGiveHigherInertiaThanTheFirstRun() throws {
    for seed in Self.seeds {
      let data = Self.blobs(rows: 300, columns: 2, centres: 8, spread: 90, seed: seed)
      var rng1 = SeededRandom(seed: seed)
      var rng5 = SeededRandom(seed: seed)
      let single = try KMeans(k: 8, nInit: 1).fit(data, context: .init(), rng: &rng1)
      let best = try KMeans(k: 8, nInit: 5).fit(data, context: .init(), rng: &rng5)
      #expect((best.inertia ?? .nan) <= (single.inertia ?? .nan), "seed \(seed)")
    }
  }

  @Test func kMeansPlusPlusRecoversWellSeparatedBlobs() throws {
    for seed in Self.seeds {
      let data = Self.blobs(rows: 240, columns: 2, centres: 4, spread: 1, seed: seed)
      var rng = SeededRandom(seed: seed)
      let result = try KMeans(k: 4).fit(data, context: .init(), rng: &rng)
      let truth = ContiguousArray((0..<240).map { Int32($0 % 4) })
      #expect(try ClusterMetrics.adjustedRandIndex(result.labels, truth) == 1, "seed \(seed)")
    }
  }

  @Test func resultIsConsistent() throws {
    for seed in Self.seeds {
      let data = Self.blobs(rows: 200, columns: 3, centres: 3, spread: 70, seed: seed)
      var rng = SeededRandom(seed: seed)
      let result = try KMeans(k: 4, initialization: .random, nInit: 2).fit(data, context: .init(), rng: &rng)
      let centres = try #require(result.centroids)
      #expect(result.labels.allSatisfy { (0..<4).contains($0) }, "seed \(seed)")
      let wss = ClusterMetrics.withinSumOfSquares(data, labels: result.labels)
      #expect(isClose(result.inertia ?? .nan, wss, tolerance: 1e-9), "seed \(seed): inertia is not Σ‖x − c‖²")
      #expect(centres.rows == 4 && centres.columns == 3, "seed \(seed)")
    }
  }

  @Test func sameSeedSameResultAndTheGeneratorMovesOn() throws {
    let data = Self.blobs(rows: 150, columns: 2, centres: 3, spread: 90, seed: 7)
    var a = SeededRandom(seed: 9)
    var b = SeededRandom(seed: 9)
    let first = try KMeans(k: 3).fit(data, context: .init(), rng: &a)
    #expect(try KMeans(k: 3).fit(data, context: .init(), rng: &b) == first)
    var untouched = SeededRandom(seed: 9)
    #expect(a.next() != untouched.next())
  }
}
