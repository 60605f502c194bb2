import SegmentaCore
import Testing

/// Mini-batch k-means against scikit-learn 1.9.1's MiniBatchKMeans and full KMeans on well-separated blobs
/// (NumPy's RNG is not reproduced, so inertia is compared within a relative tolerance and labels by ARI), plus
/// the behaviour that must hold for every seed.
@Suite struct MiniBatchKMeansTests {
  static let seeds: [UInt64] = [1, 2, 3, 42, 2024]

  /// Inertia within 0.5 % of scikit-learn's mean MiniBatchKMeans inertia (its five runs span 0.04 %, ours
  /// 0.03 %) and of full k-means; labels as full k-means up to renumbering (ARI ≥ 0.99).
  @Test func agreesWithScikitLearnOnWellSeparatedBlobs() throws {
    let reference = try KMeansVariantFixtures.file.minibatch
    let data = reference.matrix
    let sklearnMean = reference.sklearnInertia.reduce(0, +) / Double(reference.sklearnInertia.count)
    for seed in Self.seeds {
      var rng = SeededRandom(seed: seed)
      let result = try MiniBatchKMeans(k: reference.k).fit(data, context: .init(), rng: &rng)
      let inertia = try #require(result.inertia)
      #expect(isClose(inertia, sklearnMean, tolerance: 0.005), "seed \(seed): \(inertia) vs sklearn \(sklearnMean)")
      #expect(
        isClose(inertia, reference.fullInertia, tolerance: 0.01), "seed \(seed): vs full \(reference.fullInertia)")
      #expect(inertia >= reference.fullInertia * (1 - 1e-9), "seed \(seed): below the full k-means optimum?")
      let ari = try ClusterMetrics.adjustedRandIndex(result.labels, ContiguousArray(reference.fullLabels))
      #expect(ari >= 0.99, "seed \(seed): ARI \(ari) against full k-means")
      let steps = try #require(result.iterations)
      #expect(steps < 100 * data.rows / 1024, "seed \(seed): early stopping never triggered (\(steps) steps)")
    }
  }

  @Test func oneAndTwoThreadsGiveIdenticalResults() throws {
    for seed in Self.seeds {
      // Batches above 4096 rows and the final pass are split into chunks: exercise both.
      let data = KMeansPropertyTests.blobs(rows: 12_000, columns: 3, centres: 5, spread: 60, seed: seed)
      let model = MiniBatchKMeans(k: 5, nInit: 2, batchSize: 5000, maxIterations: 3)
      var rng1 = SeededRandom(seed: seed)
      var rng2 = SeededRandom(seed: seed)
      let one = try model.fit(data, context: ExecutionContext(threads: 1), rng: &rng1)
      let two = try model.fit(data, context: ExecutionContext(threads: 2), rng: &rng2)
      #expect(one == two, "seed \(seed)")
      #expect(rng1.next() == rng2.next(), "seed \(seed): generator state after fit")
    }
  }

  @Test func sameSeedSameResultAndOtherSeedsDiffer() throws {
    let data = KMeansPropertyTests.blobs(rows: 3000, columns: 2, centres: 6, spread: 90, seed: 5)
    let model = MiniBatchKMeans(k: 6, batchSize: 256)
    var a = SeededRandom(seed: 9)
    var b = SeededRandom(seed: 9)
    var c = SeededRandom(seed: 10)
    let first = try model.fit(data, context: .init(), rng: &a)
    #expect(try model.fit(data, context: .init(), rng: &b) == first)
    #expect(try model.fit(data, context: .init(), rng: &c).centroids != first.centroids)
  }

  @Test func withoutEarlyStoppingItUsesTheWholeStepBudget() throws {
    let data = KMeansPropertyTests.blobs(rows: 2000, columns: 2, centres: 3, spread: 10, seed: 1)
    var rng = SeededRandom(seed: 1)
    let model = MiniBatchKMeans(k: 3, batchSize: 100, maxIterations: 2, maxNoImprovement: nil)
    #expect(try model.fit(data, context: .init(), rng: &rng).iterations == 2 * 2000 / 100)
  }

  /// A start far from the data leaves one centre without rows: reassignment moves it onto a batch row (so it
  /// ends among the data); with `reassignmentRatio` 0 it never moves.
  @Test func starvedCentresAreReseeded() throws {
    let data = KMeansPropertyTests.blobs(rows: 1500, columns: 2, centres: 3, spread: 5, seed: 2)
    let start = FeatureMatrix(rowsOf: [data.row(0), data.row(1), [1e6, 1e6]])
    for ratio in [0.01, 0.0] {
      var rng = SeededRandom(seed: 4)
      let model = MiniBatchKMeans(k: 3, initialization: .explicit(start), batchSize: 128, reassignmentRatio: ratio)
      let far = try #require(try model.fit(data, context: .init(), rng: &rng).centroids).row(2)
      if ratio > 0 {
        #expect(far.allSatisfy { (0...100).contains($0) }, "reassignment_ratio \(ratio): centre 3 at \(far)")
      } else {
        #expect(far == [1e6, 1e6], "reassignment_ratio 0 moved the starved centre to \(far)")
      }
    }
  }

  @Test func nInitAutoFollowsScikitLearn() {
    func runs(_ model: MiniBatchKMeans) -> String? { model.parameterList.first { $0.key == "n_init" }?.value }
    #expect(runs(MiniBatchKMeans(k: 3)) == "1")
    #expect(runs(MiniBatchKMeans(k: 3, initialization: .random)) == "3")
    #expect(runs(MiniBatchKMeans(k: 3, initialization: .random, nInit: 5)) == "5")
  }

  @Test func parametersOutOfRangeAreRejectedByName() {
    let data = FeatureMatrix(rowsOf: [[0, 0], [1, 0], [0, 1], [5, 5], [6, 5]])
    func error(_ model: MiniBatchKMeans) -> SegmentaError? {
      var rng = SeededRandom(seed: 1)
      do {
        _ = try model.fit(data, context: .init(), rng: &rng)
        return nil
      } catch {
        return error
      }
    }
    let cases: [(MiniBatchKMeans, String)] = [
      (MiniBatchKMeans(k: 0), "k"), (MiniBatchKMeans(k: 2, nInit: 0), "n_init"),
      (MiniBatchKMeans(k: 2, batchSize: 0), "batch"), (MiniBatchKMeans(k: 2, maxIterations: 0), "max_iter"),
      (MiniBatchKMeans(k: 2, tolerance: -1), "tol"),
      (MiniBatchKMeans(k: 2, maxNoImprovement: -1), "max_no_improvement"),
      (MiniBatchKMeans(k: 2, initSize: 0), "init_size"),
      (MiniBatchKMeans(k: 2, reassignmentRatio: 2), "reassignment_ratio"),
    ]
    for (model, name) in cases {
      guard case .invalidParameter(name: name, _, _) = error(model) else {
        Issue.record("\(name) out of range accepted: \(String(describing: error(model)))")
        continue
      }
    }
    let message = error(MiniBatchKMeans(k: 9))?.description ?? ""
    #expect(message.contains("k=9 but only 5 rows"), "got '\(message)'")
  }
}
