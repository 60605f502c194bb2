import SegmentaCore
import Synchronization
import Testing

/// Bootstrap Jaccard as fpc's clusterboot, and seed-to-seed agreement.
@Suite struct StabilityTests {
  /// The worked example of `make_evaluation_reference.py`: 12 rows in 3 segments (rows 0–3, 4–7, 8–11), four
  /// resamples with fixed reclusterings. By hand for resample 4 (all rows, new labels 2,2,2,2,1,1,1,1,0,0,1,1 for
  /// rows 11 … 0): segment 1 = rows 0–3 has new labels 1,1,0,0; new segment 0 = rows {2, 3} gives 2/4 = 0.5, new
  /// segment 1 = rows {0, 1, 4, 5, 6, 7} gives 2/8 = 0.25, so its best Jaccard is 0.5. Resample 2 holds no row of
  /// segment 1: 0 (fpc's zerobyzero = 0).
  @Test func workedExampleMatchesClusterboot() throws {
    let c = try EvaluationFixtures.shared.clusterboot
    let partition = ContiguousArray(c.partition)
    let columns = zip(c.draws, c.relabels).map { draw, relabel in
      let rows = draw.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
      return BootstrapStability.bestJaccards(
        original: partition, k: 3, rows: rows, relabelled: ContiguousArray(relabel))
    }
    let stability = BootstrapStability(columns: columns, segments: 3)
    #expect(firstMismatch(stability.jaccards, c.result, tolerance: 1e-15) == nil, "\(stability.jaccards)")
    #expect(firstMismatch(stability.means, c.mean, tolerance: 1e-15) == nil, "\(stability.means)")
    #expect(stability.dissolvedCounts == c.dissolved)
    #expect(stability.recoveredCounts == c.recovered)
    #expect(stability.jaccards[3] == 0.5 && stability.jaccards[1] == 0)
  }

  @Test func uniqueDrawKeepsFirstOccurrencesOfADrawWithReplacement() {
    var rng = SeededRandom(seed: 7)
    let rows = BootstrapStability.uniqueDraw(count: 1000, rng: &rng)
    #expect(Set(rows).count == rows.count)
    // About 1 − 1/e ≈ 63.2 % of the rows appear in a bootstrap sample.
    #expect((600...665).contains(rows.count), "\(rows.count)")
  }

  @Test(arguments: [0.5, 0.55, 0.7, 0.8, 0.9])
  func hennigsReading(mean: Double) {
    let expected: [Double: BootstrapStability.Reading] = [
      0.5: .dissolved, 0.55: .unstable, 0.7: .doubtful, 0.8: .stable, 0.9: .highlyStable,
    ]
    #expect(BootstrapStability.Reading(meanJaccard: mean) == expected[mean])
  }

  /// Well separated blobs: k-means finds the same segments in every resample and with every seed.
  @Test func separatedBlobsAreHighlyStableAndSeedIndependent() throws {
    var rng = SeededRandom(seed: 3)
    let rows = (0..<120).map { i -> [Double] in
      let centre = Double(i % 3) * 20
      return [centre + rng.nextDouble(), centre - rng.nextDouble()]
    }
    let data = FeatureMatrix(rowsOf: rows)
    let kmeans = KMeans(k: 3)
    var fitRng = SeededRandom(seed: 1)
    let labels = try kmeans.fit(data, context: .init(), rng: &fitRng).labels
    let refit = { (x: FeatureMatrix, r: inout SeededRandom) throws(SegmentaError) -> ContiguousArray<Int32> in
      try kmeans.fit(x, context: .init(), rng: &r).labels
    }
    let seen = Mutex<[Double]>([])
    let watched = ExecutionContext(
      progress: ProgressReporter(update: { _, fraction in seen.withLock { $0.append(fraction) } }, finish: {}))
    let stability = try BootstrapStability(
      data, labels: labels, k: 3, resamples: 20, rng: SeededRandom(seed: 9),
      refit: { x, _, r throws(SegmentaError) in try refit(x, &r) },
      context: watched)
    #expect(stability.means.allSatisfy { $0 == 1 }, "\(stability.means)")
    #expect(seen.withLock { $0 } == (1...20).map { Double($0) / 20 })
    let seeds = try SeedAgreement(data, labels: labels, seeds: [11, 12, 13], refit: refit, context: .init())
    #expect(seeds.adjustedRandIndices == [1, 1, 1])
  }

  /// One uniform cloud cut in 4: segments move between resamples and are not stable.
  @Test func uniformNoiseIsNotStable() throws {
    var rng = SeededRandom(seed: 5)
    let data = FeatureMatrix(rowsOf: (0..<200).map { _ in [rng.nextDouble(), rng.nextDouble(), rng.nextDouble()] })
    let kmeans = KMeans(k: 6, nInit: 1)
    var fitRng = SeededRandom(seed: 1)
    let labels = try kmeans.fit(data, context: .init(), rng: &fitRng).labels
    let stability = try BootstrapStability(
      data, labels: labels, k: 6, resamples: 15, rng: SeededRandom(seed: 2),
      refit: { x, _, r throws(SegmentaError) in try kmeans.fit(x, context: .init(), rng: &r).labels },
      context: .init())
    #expect(stability.means.contains { $0 < 0.75 }, "\(stability.means)")
  }
}
