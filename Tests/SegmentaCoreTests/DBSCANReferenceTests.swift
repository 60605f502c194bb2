import Testing

@testable import SegmentaCore

/// DBSCAN against scikit-learn 1.9.1 (`algorithm="kd_tree"`): labels (with scikit-learn's numbering) and core
/// points must be equal, row for row.
@Suite struct DBSCANReferenceTests {
  @Test(arguments: ["blobs", "blobs5", "iris_z", "border", "border_reversed"])
  func labelsAndCorePointsEqualScikitLearn(name: String) throws {
    let set = try DensityFixtures.set(name)
    for reference in set.dbscan {
      for threads in [1, 2] {
        let partition = try DBSCAN.partition(
          set.matrix, eps: reference.eps, minPoints: reference.minPoints, context: ExecutionContext(threads: threads))
        let core = partition.isCore.enumerated().first { $0.element != reference.core[$0.offset] }
        #expect(core == nil, "\(name) eps=\(reference.eps): first differing core flag at row \(core?.offset ?? -1)")
        let label = partition.labels.enumerated().first { $0.element != reference.labels[$0.offset] }
        #expect(label == nil, "\(name) eps=\(reference.eps): first differing label at row \(label?.offset ?? -1)")
        #expect(partition.k == Set(reference.labels.filter { $0 >= 0 }).count)
      }
    }
  }

  @Test func fitReturnsThePartitionWithMemberMeansAsCentroids() throws {
    let set = try DensityFixtures.set("blobs")
    let reference = set.dbscan[0]
    var rng = SeededRandom(seed: 1)
    let result = try DBSCAN(eps: reference.eps, minPoints: reference.minPoints).fit(
      set.matrix, context: .init(), rng: &rng)
    #expect(Array(result.labels) == reference.labels)
    let expected = ClusterMetrics.centroids(set.matrix, labels: result.labels, k: result.k)
    #expect(result.centroids == expected)
    #expect(result.inertia == nil)
  }

  /// Row 4 (6.5) is within eps of core points of both segments; it joins the one expanded first, which is the one
  /// holding row 0, whatever the order of the rows.
  @Test func sharedBorderPointJoinsTheSegmentExpandedFirst() throws {
    let forward = try DensityFixtures.set("border")
    let reversed = try DensityFixtures.set("border_reversed")
    var rng = SeededRandom(seed: 1)
    let a = try DBSCAN(eps: 3.5, minPoints: 4).fit(forward.matrix, context: .init(), rng: &rng)
    let b = try DBSCAN(eps: 3.5, minPoints: 4).fit(reversed.matrix, context: .init(), rng: &rng)
    #expect(a.labels[4] == a.labels[0] && a.labels[4] != a.labels[8])
    #expect(b.labels[4] == b.labels[0] && b.labels[4] != b.labels[8])
    #expect(forward.matrix.values[0] == 10 && reversed.matrix.values[0] == 3, "the two orders start differently")
  }
}
