import Testing

@testable import SegmentaCore

/// The k-distance curve against scikit-learn's `NearestNeighbors.kneighbors` and the Kneedle knee on known curves.
@Suite struct KDistanceTests {
  @Test func distancesEqualScikitLearn() throws {
    let set = try DensityFixtures.set("blobs")
    let reference = try #require(set.kdistance)
    let minPoints = try #require(set.kdistanceMinPoints)
    for threads in [1, 2] {
      let curve = try KDistanceCurve(set.matrix, minPoints: minPoints, context: ExecutionContext(threads: threads))
      #expect(firstMismatch(curve.distances, reference, tolerance: 1e-12) == nil)
    }
  }

  /// A row is a DBSCAN core point exactly when its k-distance is at most eps.
  @Test func coreCountAgreesWithDBSCAN() throws {
    let set = try DensityFixtures.set("blobs")
    for minPoints in [3, 5, 12] {
      let curve = try KDistanceCurve(set.matrix, minPoints: minPoints, context: .init())
      // Just above the knee, so that √(d²)² rounding at the knee itself cannot decide.
      let eps = curve.suggestedEps * (1 + 1e-12)
      let partition = try DBSCAN.partition(set.matrix, eps: eps, minPoints: minPoints, context: .init())
      #expect(curve.coreCount(eps: eps) == partition.isCore.filter { $0 }.count, "min_points=\(minPoints)")
    }
  }

  @Test func kneeOfAFlatThenSteepCurveIsTheLastFlatPoint() {
    let curve: [Double] = (0..<100).map { (i: Int) -> Double in
      i < 90 ? 0.001 * Double(i) : 0.089 + Double(i - 89)
    }
    #expect(KDistanceCurve.knee(curve) == 89)
    #expect(KDistanceCurve.knee(curve.map { $0 * 1000 + 7 }) == 89, "scale and shift do not move the knee")
    #expect(KDistanceCurve.knee([1, 1, 1]) == 0)
    #expect(KDistanceCurve.knee([2]) == 0)
  }

  @Test func minPointsMustLeaveANeighbour() throws {
    let data = FeatureMatrix(rowsOf: [[0], [1], [3]])
    #expect(throws: SegmentaError.self) { try KDistanceCurve(data, minPoints: 1, context: .init()) }
    #expect(throws: SegmentaError.self) { try KDistanceCurve(data, minPoints: 4, context: .init()) }
    #expect(try KDistanceCurve(data, minPoints: 3, context: .init()).distances == [2, 3, 3])
  }
}
