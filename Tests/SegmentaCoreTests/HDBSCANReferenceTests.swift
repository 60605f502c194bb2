import SegmentaCore
import Testing

/// HDBSCAN against the `hdbscan` package 0.8.44 and scikit-learn 1.9.1 on their default settings (excess of mass,
/// no single cluster): adjusted Rand index ≥ 0.99 with noise counted as a label of its own. Exact equality is not
/// required: mutual reachability distances tie and the references break ties by their (unstable) sort order, and
/// the package's default spanning tree is approximate (`approx_min_span_tree=True`).
@Suite struct HDBSCANReferenceTests {
  static let cases: [(String, Int)] = [("blobs", 0), ("blobs", 1), ("blobs5", 0), ("blobs5", 1)]
  static let tolerance = 0.99

  private func score(
    _ name: String, _ index: Int, minSamples: (DensityFixtures.HDBSCANCase) -> Int,
    reference labels: (DensityFixtures.HDBSCANCase) -> [Int32], threads: Int = 1
  ) throws -> (ari: Double, minSize: Int) {
    let set = try DensityFixtures.set(name)
    let reference = try #require(set.hdbscan?[index])
    var rng = SeededRandom(seed: 1)
    let result = try HDBSCAN(minSize: reference.minSize, minSamples: minSamples(reference)).fit(
      set.matrix, context: ExecutionContext(threads: threads), rng: &rng)
    let ari = try ClusterMetrics.adjustedRandIndex(
      result.labels, ContiguousArray(labels(reference)), noise: .asSegment)
    return (ari, reference.minSize)
  }

  /// The package's documented settings: `HDBSCAN(min_cluster_size=m)`, min_samples defaulting to m without the
  /// point itself, i.e. `minSamples = m + 1` here.
  @Test(arguments: cases)
  func agreesWithTheHdbscanPackageOnItsDefaults(name: String, index: Int) throws {
    for threads in [1, 2] {
      let (ari, m) = try score(
        name, index, minSamples: \.hdbscanMinSamples, reference: \.hdbscanLabels, threads: threads)
      #expect(ari >= Self.tolerance, "\(name) min_size=\(m) threads=\(threads): ARI \(ari)")
    }
  }

  /// With the package's exact `generic` algorithm (Prim on the full distance matrix) iris agrees as well; there its
  /// default Borůvka tree, equally minimal, breaks ties in mutual reachability differently and moves one row.
  @Test(arguments: cases + [("iris_z", 0), ("iris_z", 1)])
  func agreesWithTheHdbscanPackageGenericAlgorithm(name: String, index: Int) throws {
    let (ari, m) = try score(name, index, minSamples: \.hdbscanMinSamples, reference: \.hdbscanGenericLabels)
    #expect(ari >= Self.tolerance, "\(name) min_size=\(m): ARI \(ari)")
  }

  /// scikit-learn's defaults: `HDBSCAN(min_cluster_size=m)`, min_samples = m counting the point itself, as here.
  @Test(arguments: cases + [("iris_z", 0), ("iris_z", 1)])
  func agreesWithScikitLearnOnItsDefaults(name: String, index: Int) throws {
    let (ari, m) = try score(name, index, minSamples: \.sklearnMinSamples, reference: \.sklearnLabels)
    #expect(ari >= Self.tolerance, "\(name) min_size=\(m): ARI \(ari)")
  }
}
