import SegmentaCore
import Testing

/// Internal indices against scikit-learn 1.9.1 on the labels stored in the fixtures.
@Suite struct MetricsReferenceTests {
  private func expectMatches(
    _ data: FeatureMatrix, _ labels: ContiguousArray<Int32>, _ reference: ReferenceFixtures.Internal,
    tolerance: Double = 1e-9
  ) throws {
    let context = ExecutionContext()
    let silhouette = try ClusterMetrics.silhouette(data, labels: labels, context: context)
    #expect(isClose(silhouette, reference.silhouette, tolerance: tolerance), "silhouette \(silhouette)")
    let samples = try ClusterMetrics.silhouetteSamples(data, labels: labels, context: context)
    let kept = zip(samples, labels).filter { $0.1 >= 0 }.map(\.0)
    let mismatch = firstMismatch(kept, reference.silhouetteSamples, tolerance: tolerance)
    #expect(mismatch == nil, "silhouette sample \(mismatch ?? -1)")
    #expect(zip(samples, labels).allSatisfy { $0.1 >= 0 || $0.0.isNaN }, "noise rows must be NaN")
    let ch = try ClusterMetrics.calinskiHarabasz(data, labels: labels)
    #expect(isClose(ch, reference.calinskiHarabasz, tolerance: tolerance), "Calinski–Harabasz \(ch)")
    let db = try ClusterMetrics.daviesBouldin(data, labels: labels)
    #expect(isClose(db, reference.daviesBouldin, tolerance: tolerance), "Davies–Bouldin \(db)")
  }

  @Test func irisKMeansLabelsMatchScikitLearn() throws {
    let iris = try ReferenceFixtures.iris
    try expectMatches(iris.matrix, ContiguousArray(iris.kmeans.labels), iris.metrics)
    #expect(isClose(iris.metrics.silhouette, 0.5528190123564095, tolerance: 1e-15))
    #expect(isClose(iris.metrics.calinskiHarabasz, 561.62775662962, tolerance: 1e-12))
    #expect(isClose(iris.metrics.daviesBouldin, 0.6619715465007465, tolerance: 1e-15))
  }

  @Test func irisIndicesOfOurOwnKMeansMatchTheReferenceNumbers() throws {
    let iris = try ReferenceFixtures.iris
    let start = iris.matrix.selectingRows([0, 50, 100])
    var rng = SeededRandom(seed: 1)
    let result = try KMeans(k: 3, initialization: .explicit(start)).fit(iris.matrix, context: .init(), rng: &rng)
    let silhouette = try ClusterMetrics.silhouette(iris.matrix, labels: result.labels, context: .init())
    #expect(isClose(silhouette, 0.5528190123564095, tolerance: 1e-9))
    #expect(
      isClose(
        try ClusterMetrics.calinskiHarabasz(iris.matrix, labels: result.labels), 561.62775662962,
        tolerance: 1e-9))
    #expect(
      isClose(
        try ClusterMetrics.daviesBouldin(iris.matrix, labels: result.labels), 0.6619715465007465,
        tolerance: 1e-9))
    let wss = ClusterMetrics.withinSumOfSquares(iris.matrix, labels: result.labels)
    #expect(isClose(wss, 78.851441426146, tolerance: 1e-9))
  }

  @Test func randomBlobsMatchScikitLearn() throws {
    let random = try ReferenceFixtures.random
    try expectMatches(random.matrix, ContiguousArray(random.labels), random.metrics)
  }

  @Test func noiseRowsAreLeftOutAsIfAbsent() throws {
    let random = try ReferenceFixtures.random
    try expectMatches(random.matrix, ContiguousArray(random.noisy), random.noisyMetrics)
  }

  @Test func daviesBouldinToyCaseFromNumerics() throws {
    let toy = try ReferenceFixtures.toy.db
    let data = FeatureMatrix(
      rows: toy.values.count / toy.columns, columns: toy.columns, names: ["x", "y"], values: ContiguousArray(toy.values)
    )
    let db = try ClusterMetrics.daviesBouldin(data, labels: ContiguousArray(toy.labels))
    #expect(isClose(db, toy.daviesBouldin, tolerance: 1e-12))
    #expect(abs(db - 0.298511157) < 1e-9)
  }

  @Test func singletonSegmentHasSilhouetteZero() throws {
    let toy = try ReferenceFixtures.toy.singleton
    let data = FeatureMatrix(rows: toy.values.count, columns: 1, names: ["x"], values: ContiguousArray(toy.values))
    let samples = try ClusterMetrics.silhouetteSamples(data, labels: ContiguousArray(toy.labels), context: .init())
    #expect(samples[5] == 0)
    #expect(firstMismatch(samples, toy.silhouetteSamples, tolerance: 1e-12) == nil, "\(samples)")
    let mean = try ClusterMetrics.silhouette(data, labels: ContiguousArray(toy.labels), context: .init())
    #expect(isClose(mean, toy.silhouette, tolerance: 1e-12))
  }
}
