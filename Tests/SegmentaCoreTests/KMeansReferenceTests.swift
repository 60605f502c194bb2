import SegmentaCore
import Testing

/// k-means against scikit-learn 1.9.1 from the same explicit starts (NUMERICS.md: bit-exact agreement with
/// NumPy's RNG is not a goal, so reference runs fix the initial centres).
@Suite struct KMeansReferenceTests {
  private func fit(_ data: FeatureMatrix, _ reference: ReferenceFixtures.KMeansCase, threads: Int = 1) throws
    -> ClusteringResult
  {
    let k = reference.initial.count / data.columns
    let start = FeatureMatrix(
      rows: k, columns: data.columns, names: data.names, values: ContiguousArray(reference.initial))
    let model = KMeans(
      k: k, initialization: .explicit(start), nInit: 1, maxIterations: reference.maxIter, tolerance: reference.tol)
    var rng = SeededRandom(seed: 1)
    return try model.fit(data, context: ExecutionContext(threads: threads), rng: &rng)
  }

  private func expectMatches(_ result: ClusteringResult, _ reference: ReferenceFixtures.KMeansCase) {
    let differing = zip(result.labels, reference.labels).enumerated().first { $0.element.0 != $0.element.1 }
    #expect(
      result.labels.count == reference.labels.count && differing == nil,
      "first differing row \(differing?.offset ?? -1)")
    #expect(result.iterations == reference.nIter)
    let inertia = result.inertia ?? .nan
    #expect(isClose(inertia, reference.inertia, tolerance: 1e-9), "inertia \(inertia) vs \(reference.inertia)")
    let centres = result.centroids?.values ?? []
    #expect(firstMismatch(centres, reference.centers, tolerance: 1e-9) == nil, "centres \(centres)")
  }

  @Test func irisFromRows0_50_100MatchesScikitLearn() throws {
    let iris = try ReferenceFixtures.iris
    let result = try fit(iris.matrix, iris.kmeans)
    expectMatches(result, iris.kmeans)
    #expect(isClose(result.inertia ?? .nan, 78.851441426146, tolerance: 1e-12))
    #expect(result.iterations == 4)
    let sizes = (0..<3).map { c in result.labels.filter { $0 == c }.count }
    #expect(sizes == [50, 62, 38])
    #expect(result.centroids?.names == iris.names)
  }

  @Test(arguments: ["tolerance_stop", "max_iter_stop", "default_tol", "empty_cluster"])
  func randomBlobsMatchScikitLearn(caseName: String) throws {
    let group = try ReferenceFixtures.kmeansCases.random
    let reference = try #require(group.cases[caseName])
    for threads in [1, 2] {
      expectMatches(try fit(group.matrix, reference, threads: threads), reference)
    }
  }

  @Test func emptySegmentIsReseededWithTheFarthestRowAsScikitLearn() throws {
    let group = try ReferenceFixtures.kmeansCases.toy
    let reference = try #require(group.cases["empty_cluster"])
    let result = try fit(group.matrix, reference)
    expectMatches(result, reference)
    #expect(result.labels[6] == 2, "the outlier (30, 30) should take over the empty segment")
  }
}
