import SegmentaCore
import Testing

/// Canonical segment numbering: by size descending, ties by the first row of the segment.
@Suite struct CanonicalTests {
  @Test func renumbersBySizeThenFirstRowAndKeepsNoise() {
    // Segment 2 is largest (3 rows); 0 and 1 tie at 2 rows, 1 appears first (row 0).
    let centres = FeatureMatrix(rowsOf: [[0], [1], [2]])
    let result = ClusteringResult(
      labels: [1, 2, -1, 0, 2, 1, 0, 2], k: 3, centroids: centres, inertia: 4, iterations: 2)
    let canonical = result.canonicalized()
    #expect(Array(canonical.labels) == [1, 0, -1, 2, 0, 1, 2, 0])
    #expect(canonical.centroids?.values == [2, 1, 0])
    #expect(canonical.inertia == 4 && canonical.iterations == 2 && canonical.k == 3)
  }

  @Test func emptySegmentsGoLast() {
    let result = ClusteringResult(labels: [2, 2, 0], k: 3)
    #expect(Array(result.canonicalized().labels) == [0, 0, 1])
  }

  @Test func anyRelabellingOfAPartitionGivesTheSameCanonicalForm() {
    for seed: UInt64 in [1, 2, 3, 4, 5] {
      var rng = SeededRandom(seed: seed)
      let labels = ContiguousArray((0..<60).map { _ in Int32(rng.nextInt(below: 5)) - 1 })
      var permutation: [Int32] = [0, 1, 2, 3]
      for i in stride(from: 3, to: 0, by: -1) { permutation.swapAt(i, rng.nextInt(below: i + 1)) }
      let relabelled = ContiguousArray(labels.map { $0 < 0 ? $0 : permutation[Int($0)] })
      let a = ClusteringResult(labels: labels, k: 4).canonicalized()
      let b = ClusteringResult(labels: relabelled, k: 4).canonicalized()
      #expect(a.labels == b.labels, "seed \(seed)")
      #expect(a.canonicalized() == a, "seed \(seed): not idempotent")
    }
  }
}
