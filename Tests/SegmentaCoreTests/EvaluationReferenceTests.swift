import SegmentaCore
import Testing

/// Agreement, Dunn, principal components and the gap statistic against `make_evaluation_reference.py`
/// (scikit-learn 1.9.1; clValid's `dunn` and cluster's `clusGap`/`maxSE` re-implemented there from the R sources).
@Suite struct EvaluationReferenceTests {
  @Test(arguments: ["iris_species_kmeans", "many_clusters", "skewed_independent", "near_identical"])
  func agreementMatchesScikitLearnTo1e12(name: String) throws {
    let c = try #require(try EvaluationFixtures.shared.agreement[name])
    let a = ContiguousArray(c.a)
    let b = ContiguousArray(c.b)
    let ari = try ClusterMetrics.adjustedRandIndex(a, b)
    let ami = try ClusterMetrics.adjustedMutualInformation(a, b)
    let nmi = try ClusterMetrics.normalizedMutualInformation(a, b)
    #expect(isClose(ari, c.ari, tolerance: 1e-12), "ARI \(ari) vs \(c.ari)")
    #expect(isClose(ami, c.ami, tolerance: 1e-12), "AMI \(ami) vs \(c.ami)")
    #expect(isClose(nmi, c.nmi, tolerance: 1e-12), "NMI \(nmi) vs \(c.nmi)")
  }

  @Test func normalizedMutualInformationLimitCases() throws {
    #expect(try ClusterMetrics.normalizedMutualInformation([0, 0, 0], [1, 1, 1]) == 1)
    #expect(try ClusterMetrics.normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1]) == 0)
    #expect(try ClusterMetrics.normalizedMutualInformation([0, 0, 1, 1], [5, 5, 2, 2]) == 1)
  }

  @Test(arguments: ["iris_kmeans", "iris_species", "blobs_noise"])
  func dunnMatchesClValid(name: String) throws {
    let c = try #require(try EvaluationFixtures.shared.dunn[name])
    for threads in [1, 2] {
      let dunn = try ClusterMetrics.dunnIndex(
        c.matrix, labels: ContiguousArray(c.labels), context: ExecutionContext(threads: threads))
      #expect(isClose(dunn, c.dunn, tolerance: 1e-12), "\(name), \(threads) threads: \(dunn) vs \(c.dunn)")
    }
  }

  @Test func dunnOfSingletonsIsInfiniteAndOneSegmentIsRefused() throws {
    let x = FeatureMatrix(rowsOf: [[0], [1], [5], [5]])
    #expect(try ClusterMetrics.dunnIndex(x, labels: [0, 1, 2, 2], context: .init()) == .infinity)
    // Separation 4 (1 to 5), diameter 1 (0 to 1).
    #expect(try ClusterMetrics.dunnIndex(x, labels: [0, 0, 1, 1], context: .init()) == 4)
    #expect(throws: SegmentaError.self) { try ClusterMetrics.dunnIndex(x, labels: [0, 0, 0, 0], context: .init()) }
  }

  @Test func principalComponentsMatchScikitLearn() throws {
    let reference = try EvaluationFixtures.shared.pca
    let iris = try ReferenceFixtures.iris.matrix
    let pca = try PrincipalComponents(iris)
    #expect(firstMismatch(pca.components.values, reference.components, tolerance: 1e-10) == nil, "\(pca.components)")
    #expect(firstMismatch(pca.explainedVariance, reference.explainedVariance, tolerance: 1e-12) == nil)
    let head = pca.project(iris.selectingRows(Array(0..<5)), dimensions: 4)
    #expect(firstMismatch(head.values, reference.projectionHead, tolerance: 1e-10) == nil, "\(head.values)")
  }

  @Test(arguments: ["three_blobs", "uniform"])
  func gapMatchesClusGap(name: String) throws {
    let c = try #require(try EvaluationFixtures.shared.gap[name])
    let data = c.matrix
    let box = try GapStatistic.ReferenceBox(data)
    #expect(firstMismatch(box.center, c.center, tolerance: 1e-12) == nil)
    // The fixture stores V with components as columns; the box keeps them as rows.
    let d = c.columns
    let axesAsColumns = (0..<d).flatMap { row in (0..<d).map { column in box.axes[column, row] } }
    #expect(firstMismatch(axesAsColumns, c.rotation, tolerance: 1e-10) == nil, "\(box.axes)")
    let references = c.uniforms.map { FeatureMatrix.fixture($0, columns: d) }
    let gap = try GapStatistic(
      data, ks: Array(1...c.kMax), references: c.references, reference: { box.draw(uniforms: references[$0]) },
      cluster: { x, k, _ throws(SegmentaError) in
        var rng = SeededRandom(seed: 0)
        let start = x.selectingRows(Array(0..<k))
        return try KMeans(k: k, initialization: .explicit(start)).fit(x, context: .init(), rng: &rng).labels
      }, context: .init())
    #expect(firstMismatch(gap.rows.map(\.logW), c.logW, tolerance: 1e-12) == nil, "\(gap.rows.map(\.logW))")
    #expect(firstMismatch(gap.rows.map(\.expectedLogW), c.expectedLogW, tolerance: 1e-10) == nil)
    #expect(firstMismatch(gap.rows.map(\.gap), c.gap, tolerance: 1e-9) == nil, "\(gap.rows.map(\.gap))")
    #expect(firstMismatch(gap.rows.map(\.standardError), c.standardError, tolerance: 1e-8) == nil)
    #expect(gap.chosenK == c.k)
  }

  @Test func firstSEMaxFollowsR() throws {
    for c in try EvaluationFixtures.shared.maxSE {
      #expect(GapStatistic.firstSEMax(c.f, c.se) + 1 == c.k, "f \(c.f) se \(c.se)")
    }
  }
}
