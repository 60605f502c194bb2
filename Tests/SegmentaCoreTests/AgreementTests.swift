import SegmentaCore
import Testing

/// Adjusted Rand index and adjusted mutual information against scikit-learn 1.9.1, and their limit cases.
@Suite struct AgreementTests {
  @Test func irisKMeansVersusSpeciesMatchesScikitLearn() throws {
    let iris = try ReferenceFixtures.iris
    let species = ContiguousArray(iris.species)
    let labels = ContiguousArray(iris.kmeans.labels)
    let ari = try ClusterMetrics.adjustedRandIndex(species, labels)
    let ami = try ClusterMetrics.adjustedMutualInformation(species, labels)
    #expect(isClose(ari, 0.7302382722834697, tolerance: 1e-12), "ARI \(ari)")
    #expect(isClose(ami, 0.7551191675800484, tolerance: 1e-9), "AMI \(ami)")
    #expect(isClose(ari, iris.ariVsSpecies, tolerance: 1e-12) && isClose(ami, iris.amiVsSpecies, tolerance: 1e-9))
  }

  @Test(arguments: [
    ("truth", "labels", "truth_labels", ClusterMetrics.NoiseHandling.exclude),
    ("labels", "other", "labels_other", .exclude),
    ("truth", "noisy", "truth_noisy_excluded", .exclude),
    ("truth", "noisy", "truth_noisy_as_cluster", .asSegment),
  ])
  func randomLabellingsMatchScikitLearn(
    first: String, second: String, key: String, noise: ClusterMetrics.NoiseHandling
  ) throws {
    let random = try ReferenceFixtures.random
    let columns = ["truth": random.truth, "labels": random.labels, "other": random.other, "noisy": random.noisy]
    let a = ContiguousArray(try #require(columns[first]))
    let b = ContiguousArray(try #require(columns[second]))
    let ari = try ClusterMetrics.adjustedRandIndex(a, b, noise: noise)
    let ami = try ClusterMetrics.adjustedMutualInformation(a, b, noise: noise)
    let expectedARI = try #require(random.agreement["ari_" + key])
    let expectedAMI = try #require(random.agreement["ami_" + key])
    #expect(isClose(ari, expectedARI, tolerance: 1e-12), "ARI \(ari) vs \(expectedARI)")
    #expect(isClose(ami, expectedAMI, tolerance: 1e-9), "AMI \(ami) vs \(expectedAMI)")
  }

  @Test func relabelledPartitionsAgreePerfectlyAndOrderDoesNotMatter() throws {
    for seed: UInt64 in [1, 2, 3, 4] {
      var rng = SeededRandom(seed: seed)
      let a = ContiguousArray((0..<80).map { _ in Int32(rng.nextInt(below: 4)) })
      let b = ContiguousArray(a.map { ($0 + 1) % 4 * 10 })
      let c = ContiguousArray((0..<80).map { _ in Int32(rng.nextInt(below: 3)) })
      #expect(try ClusterMetrics.adjustedRandIndex(a, b) == 1, "seed \(seed)")
      #expect(isClose(try ClusterMetrics.adjustedMutualInformation(a, b), 1, tolerance: 1e-12), "seed \(seed)")
      #expect(
        try ClusterMetrics.adjustedRandIndex(a, c) == ClusterMetrics.adjustedRandIndex(c, a), "seed \(seed)")
      #expect(
        isClose(
          try ClusterMetrics.adjustedMutualInformation(a, c), try ClusterMetrics.adjustedMutualInformation(c, a),
          tolerance: 1e-12), "seed \(seed)")
    }
  }

  @Test func limitCasesFollowScikitLearn() throws {
    let one: ContiguousArray<Int32> = [0, 0, 0, 0]
    let split: ContiguousArray<Int32> = [0, 0, 1, 1]
    #expect(try ClusterMetrics.adjustedMutualInformation(one, one) == 1)
    #expect(try ClusterMetrics.adjustedMutualInformation(one, split) == 0)
    #expect(try ClusterMetrics.adjustedRandIndex(one, split) == 0)
    #expect(try ClusterMetrics.adjustedRandIndex([-1, -1], [0, 1]) == 1, "nothing compared")
    #expect(try ClusterMetrics.adjustedMutualInformation([-1, -1], [0, 1]) == 1, "nothing compared")
  }

  @Test func labellingsOfDifferentLengthsAreRejected() {
    #expect(throws: SegmentaError.self) { try ClusterMetrics.adjustedRandIndex([0, 1], [0, 1, 1]) }
    #expect(throws: SegmentaError.self) { try ClusterMetrics.adjustedMutualInformation([0, 1], [0]) }
  }
}
