/// Internal validity indices, matching scikit-learn's definitions (NUMERICS.md). (STUB: bodies to be written.)
///
/// Rows labelled `-1` (noise) are excluded from every index.
public enum ClusterMetrics {
  /// Mean silhouette coefficient (Rousseeuw 1987); exact, streamed in O(n) memory. Requires 2 ≤ k ≤ n−1.
  public static func silhouette(
    _ data: FeatureMatrix, labels: ContiguousArray<Int32>, context: ExecutionContext
  ) throws(SegmentaError) -> Double {
    fatalError("not implemented")
  }

  /// Per-row silhouette values (noise rows get NaN).
  public static func silhouetteSamples(
    _ data: FeatureMatrix, labels: ContiguousArray<Int32>, context: ExecutionContext
  ) throws(SegmentaError) -> ContiguousArray<Double> {
    fatalError("not implemented")
  }

  /// Calinski–Harabasz index (Caliński & Harabasz 1974). Requires 2 ≤ k ≤ n−1.
  public static func calinskiHarabasz(_ data: FeatureMatrix, labels: ContiguousArray<Int32>) throws(SegmentaError)
    -> Double
  {
    fatalError("not implemented")
  }

  /// Davies–Bouldin index (Davies & Bouldin 1979). Requires k ≥ 2.
  public static func daviesBouldin(_ data: FeatureMatrix, labels: ContiguousArray<Int32>) throws(SegmentaError)
    -> Double
  {
    fatalError("not implemented")
  }

  /// Within-segment sum of squared Euclidean distances to each segment's mean.
  public static func withinSumOfSquares(_ data: FeatureMatrix, labels: ContiguousArray<Int32>) -> Double {
    fatalError("not implemented")
  }

  /// Per-segment means (k × d) for labels `0..<k`.
  public static func centroids(_ data: FeatureMatrix, labels: ContiguousArray<Int32>, k: Int) -> FeatureMatrix {
    fatalError("not implemented")
  }
}
