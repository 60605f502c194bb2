import SegmentaCore
import Testing

/// Behaviour of the internal indices beyond the reference numbers: domains, noise, determinism, edge cases.
@Suite struct MetricsBehaviourTests {
  let line = FeatureMatrix(rowsOf: [[0], [1], [2], [10], [11], [12]])

  @Test func indicesNeedTwoToNMinusOneSegments() {
    let context = ExecutionContext()
    for labels: ContiguousArray<Int32> in [[0, 0, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5], [0, -1, -1, -1, -1, 1]] {
      #expect(throws: SegmentaError.self, "labels \(labels)") {
        try ClusterMetrics.silhouette(line, labels: labels, context: context)
      }
      #expect(throws: SegmentaError.self) { try ClusterMetrics.calinskiHarabasz(line, labels: labels) }
      #expect(throws: SegmentaError.self) { try ClusterMetrics.daviesBouldin(line, labels: labels) }
    }
    do {
      _ = try ClusterMetrics.silhouette(line, labels: [0, 0, 0, 0, 0, 0], context: context)
    } catch {
      #expect(error.description.contains("at least 2 segments"), "got '\(error)'")
    }
  }

  @Test func silhouetteIsIdenticalForOneAndTwoThreads() throws {
    for seed: UInt64 in [1, 2, 3] {
      let data = KMeansPropertyTests.blobs(rows: 700, columns: 3, centres: 4, spread: 80, seed: seed)
      var rng = SeededRandom(seed: seed)
      let labels = ContiguousArray((0..<700).map { _ in Int32(rng.nextInt(below: 5)) - 1 })
      let one = try ClusterMetrics.silhouetteSamples(data, labels: labels, context: ExecutionContext(threads: 1))
      let two = try ClusterMetrics.silhouetteSamples(data, labels: labels, context: ExecutionContext(threads: 2))
      #expect(one.elementsEqual(two) { $0 == $1 || ($0.isNaN && $1.isNaN) }, "seed \(seed)")
    }
  }

  /// The blocked kernel (rows grouped by segment, 8 query rows at a time) must give exactly the values of the
  /// plain double loop over rows in row order, including partial blocks, noise and a singleton segment.
  @Test func silhouetteIsBitIdenticalToThePlainDoubleLoop() throws {
    for (seed, rows) in [(UInt64(7), 203), (8, 9), (9, 64)] {
      let data = KMeansPropertyTests.blobs(rows: rows, columns: 5, centres: 3, spread: 40, seed: seed)
      var rng = SeededRandom(seed: seed)
      var labels = ContiguousArray((0..<rows).map { _ in Int32(rng.nextInt(below: 5)) - 1 })
      labels[0] = 7  // a singleton segment
      labels[1] = 0
      labels[2] = 1
      let d = data.columns
      var expected = ContiguousArray<Double>(repeating: .nan, count: rows)
      let codes = Set(labels.filter { $0 >= 0 }).sorted()
      let sizes = codes.map { c in labels.filter { $0 == c }.count }
      for i in 0..<rows where labels[i] >= 0 {
        var sums = [Double](repeating: 0, count: codes.count)
        for o in 0..<rows where labels[o] >= 0 {
          var squared = 0.0
          for j in 0..<d {
            let delta = data.values[i * d + j] - data.values[o * d + j]
            squared += delta * delta
          }
          sums[codes.firstIndex(of: labels[o])!] += squared.squareRoot()
        }
        let own = codes.firstIndex(of: labels[i])!
        if sizes[own] <= 1 {
          expected[i] = 0
          continue
        }
        let a = sums[own] / Double(sizes[own] - 1)
        var b = Double.infinity
        for c in sizes.indices where c != own { b = min(b, sums[c] / Double(sizes[c])) }
        expected[i] = max(a, b) > 0 ? (b - a) / max(a, b) : 0
      }
      let got = try ClusterMetrics.silhouetteSamples(data, labels: labels, context: ExecutionContext(threads: 2))
      #expect(got.elementsEqual(expected) { $0 == $1 || ($0.isNaN && $1.isNaN) }, "seed \(seed)")
    }
  }

  @Test func noiseGivesTheSameIndicesAsDroppingThoseRows() throws {
    for seed: UInt64 in [4, 5, 6] {
      let data = KMeansPropertyTests.blobs(rows: 90, columns: 2, centres: 3, spread: 50, seed: seed)
      var rng = SeededRandom(seed: seed)
      let labels = ContiguousArray((0..<90).map { i in rng.nextInt(below: 6) == 0 ? -1 : Int32(i % 3) })
      let kept = labels.indices.filter { labels[$0] >= 0 }
      let subset = data.selectingRows(kept)
      let subsetLabels = ContiguousArray(kept.map { labels[$0] })
      let context = ExecutionContext()
      #expect(
        try ClusterMetrics.silhouette(data, labels: labels, context: context)
          == ClusterMetrics.silhouette(subset, labels: subsetLabels, context: context), "seed \(seed)")
      #expect(
        try ClusterMetrics.calinskiHarabasz(data, labels: labels)
          == ClusterMetrics.calinskiHarabasz(subset, labels: subsetLabels), "seed \(seed)")
      #expect(
        try ClusterMetrics.daviesBouldin(data, labels: labels)
          == ClusterMetrics.daviesBouldin(subset, labels: subsetLabels), "seed \(seed)")
    }
  }

  @Test func labelValuesOnlyNameSegments() throws {
    let dense: ContiguousArray<Int32> = [0, 0, 0, 1, 1, 1]
    let sparse: ContiguousArray<Int32> = [7, 7, 7, 3, 3, 3]
    let context = ExecutionContext()
    #expect(
      try ClusterMetrics.silhouette(line, labels: dense, context: context)
        == ClusterMetrics.silhouette(line, labels: sparse, context: context))
    #expect(try ClusterMetrics.daviesBouldin(line, labels: dense) == ClusterMetrics.daviesBouldin(line, labels: sparse))
  }

  @Test func coincidentCentroidsMakeDaviesBouldinZeroAsScikitLearn() throws {
    let data = FeatureMatrix(rowsOf: [[-1], [1], [-2], [2]])
    #expect(try ClusterMetrics.daviesBouldin(data, labels: [0, 0, 1, 1]) == 0)
  }

  @Test func calinskiHarabaszIsOneWhenSegmentsHaveNoSpread() throws {
    let data = FeatureMatrix(rowsOf: [[0], [0], [5], [5]])
    #expect(try ClusterMetrics.calinskiHarabasz(data, labels: [0, 0, 1, 1]) == 1)
  }

  @Test func centroidsIgnoreNoiseAndLeaveEmptySegmentsNaN() {
    let centres = ClusterMetrics.centroids(line, labels: [0, 0, -1, 2, 2, 2], k: 3)
    #expect(centres.values[0] == 0.5 && centres.values[2] == 11)
    #expect(centres.values[1].isNaN)
    #expect(centres.names == line.names)
  }

  @Test func withinSumOfSquaresSumsSquaredDistancesToSegmentMeans() {
    #expect(ClusterMetrics.withinSumOfSquares(line, labels: [0, 0, 0, 1, 1, -1]) == 2 + 0.5)
  }
}
