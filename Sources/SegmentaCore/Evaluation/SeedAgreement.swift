/// How much a segmentation depends on the random start: the same method refitted with other seeds, each result
/// compared with the original by the adjusted Rand index (Hubert & Arabie 1985). 1 everywhere means the seed does
/// not matter; values well below 1 mean another seed would have given other segments.
public struct SeedAgreement: Sendable, Equatable {
  /// The seeds used for the refits.
  public let seeds: [UInt64]
  /// ARI of each refit with the original labels.
  public let adjustedRandIndices: [Double]

  /// The lowest ARI.
  public var minimum: Double { adjustedRandIndices.min() ?? .nan }
  /// The mean ARI.
  public var mean: Double {
    adjustedRandIndices.isEmpty ? .nan : adjustedRandIndices.reduce(0, +) / Double(adjustedRandIndices.count)
  }

  /// Refits with each seed and compares.
  ///
  /// - Parameters:
  ///   - labels: the original segmentation of `data`.
  ///   - seeds: one refit per seed, each with a fresh `SeededRandom(seed:)`.
  ///   - refit: clusters `data` with the given generator.
  ///   - context: cancellation, checked between refits; progress is reported after each refit.
  /// - Throws: errors of `refit`; ``SegmentaError/interrupted``.
  /// - Complexity: |seeds| refits plus O(n) per comparison.
  public init(
    _ data: FeatureMatrix, labels: ContiguousArray<Int32>, seeds: [UInt64],
    refit: (FeatureMatrix, inout SeededRandom) throws(SegmentaError) -> ContiguousArray<Int32>,
    context: ExecutionContext
  ) throws(SegmentaError) {
    var indices: [Double] = []
    for (i, seed) in seeds.enumerated() {
      try context.checkCancellation()
      var rng = SeededRandom(seed: seed)
      let refitted = try refit(data, &rng)
      indices.append(try ClusterMetrics.adjustedRandIndex(labels, refitted))
      context.reportProgress("refits with other seeds", Double(i + 1) / Double(seeds.count))
    }
    self.seeds = seeds
    adjustedRandIndices = indices
  }
}
