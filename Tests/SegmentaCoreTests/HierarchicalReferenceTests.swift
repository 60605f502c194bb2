import SegmentaCore
import Testing

/// Hierarchical clustering against SciPy 1.17.1 `linkage`/`fcluster`/`dendrogram` (make_hierarchical.py).
/// Heights are compared to 1e-9 relative: the trees are built by other arithmetic than SciPy's (Ward from centroids,
/// single linkage from squared distances), so they agree to rounding, not bit for bit.
@Suite struct HierarchicalReferenceTests {
  static let linkages = Hierarchical.Linkage.allCases

  private func fit(_ data: FeatureMatrix, _ linkage: Hierarchical.Linkage, _ cut: Hierarchical.Cut, threads: Int = 1)
    throws -> ClusteringResult
  {
    var rng = SeededRandom(seed: 1)
    return try Hierarchical(linkage: linkage, cut: cut).fit(
      data, context: ExecutionContext(threads: threads), rng: &rng)
  }

  private func expectCuts(
    _ data: FeatureMatrix, _ linkage: Hierarchical.Linkage, _ reference: HierarchicalFixtures.Case
  )
    throws
  {
    for k in 2...6 {
      let expected = try #require(reference.cuts[String(k)])
      let result = try fit(data, linkage, .segments(k))
      #expect(result.k == k)
      let same = samePartition(result.labels, expected)
      #expect(same, "\(linkage) k=\(k)")
    }
    let byHeight = try fit(data, linkage, .height(reference.heightCut.t))
    let same = samePartition(byHeight.labels, reference.heightCut.labels)
    #expect(same, "\(linkage) height=\(reference.heightCut.t)")
  }

  @Test(arguments: linkages)
  func blobsGiveSciPysLinkageMatrix(linkage: Hierarchical.Linkage) throws {
    let blobs = try HierarchicalFixtures.file.blobs
    let reference = try #require(blobs.linkages[linkage.rawValue]).merges
    for threads in [1, 2] {
      let merges = try #require(try fit(blobs.matrix, linkage, .segments(1), threads: threads).merges)
      #expect(merges.count == reference.count)
      let structure = zip(merges, reference).enumerated().first {
        ($0.element.0.left, $0.element.0.right, $0.element.0.size)
          != ($0.element.1.left, $0.element.1.right, $0.element.1.size)
      }
      #expect(structure == nil, "\(linkage): first differing merge \(structure?.offset ?? -1)")
      let heights = firstMismatch(merges.map(\.height), reference.map(\.height), tolerance: 1e-9)
      #expect(heights == nil, "\(linkage): first differing height at merge \(heights ?? -1)")
    }
  }

  @Test(arguments: linkages)
  func blobsCutLikeFcluster(linkage: Hierarchical.Linkage) throws {
    let blobs = try HierarchicalFixtures.file.blobs
    try expectCuts(blobs.matrix, linkage, try #require(blobs.linkages[linkage.rawValue]))
  }

  /// Iris has tied distances, so only what ties cannot change is compared: the heights and the flat cuts.
  @Test(arguments: linkages)
  func irisHeightsAndCutsMatchSciPy(linkage: Hierarchical.Linkage) throws {
    let iris = try ReferenceFixtures.iris.matrix
    let reference = try #require(try HierarchicalFixtures.file.iris.linkages[linkage.rawValue])
    let merges = try #require(try fit(iris, linkage, .segments(1)).merges)
    let mismatch = firstMismatch(merges.map(\.height), reference.merges.map(\.height), tolerance: 1e-9)
    #expect(mismatch == nil, "\(linkage): first differing height at merge \(mismatch ?? -1)")
    try expectCuts(iris, linkage, reference)
  }

  @Test func irisWardThreeSegmentsAsInNumerics() throws {
    let iris = try ReferenceFixtures.iris.matrix
    let result = try fit(iris, .ward, .segments(3))
    let sizes = (0..<3).map { s in result.labels.filter { $0 == s }.count }
    #expect(sizes.sorted() == [36, 50, 64])
    let top = try #require(result.merges).suffix(3).map(\.height)
    #expect(firstMismatch(top, [6.399407, 12.300396, 32.447607], tolerance: 1e-6) == nil, "\(top)")
    let silhouette = try ClusterMetrics.silhouette(iris, labels: result.labels, context: ExecutionContext())
    let reference = try #require(try HierarchicalFixtures.file.iris.linkages["ward"]?.k3Silhouette)
    #expect(isClose(silhouette, reference, tolerance: 1e-12))
    #expect(isClose(silhouette, 0.5543236611296419, tolerance: 1e-12))
  }

  @Test(arguments: linkages)
  func truncatedLeavesComeInSciPysOrder(linkage: Hierarchical.Linkage) throws {
    let blobs = try HierarchicalFixtures.file.blobs
    let reference = try #require(blobs.linkages[linkage.rawValue])
    let merges = try #require(try fit(blobs.matrix, linkage, .segments(1)).merges)
    let dendrogram = Dendrogram(merges: merges, rows: blobs.rows, leaves: reference.lastp.p)
    let labels = dendrogram.leaves.map { $0.size == 1 ? String($0.cluster) : "(\($0.size))" }
    #expect(labels == reference.lastp.ivl)
  }

  @Test func irisWardTruncatedLeavesComeInSciPysOrder() throws {
    let reference = try #require(try HierarchicalFixtures.file.iris.linkages["ward"])
    let dendrogram = Dendrogram(merges: reference.merges, rows: 150, leaves: reference.lastp.p)
    #expect(dendrogram.leaves.map { $0.size == 1 ? String($0.cluster) : "(\($0.size))" } == reference.lastp.ivl)
  }
}
