/// DBSCAN, density-based spatial clustering of applications with noise (Ester, Kriegel, Sander & Xu 1996, "A
/// density-based algorithm for discovering clusters in large spatial databases with noise", KDD '96), with
/// scikit-learn's semantics (`sklearn.cluster.DBSCAN`, metric euclidean).
///
/// A row is a *core point* when at least `minPoints` rows, itself included, lie within Euclidean distance `eps`
/// (‖x − y‖² ≤ eps², so a row at exactly `eps` counts). Core points within `eps` of each other are in the same
/// segment (its connected components). A non-core row within `eps` of a core point is a *border point*; every
/// other row is noise (label −1), never forced into a segment.
///
/// Border points and row order: a border point within `eps` of core points of several segments belongs, as in
/// scikit-learn, to the segment expanded first. scikit-learn expands segments in the order of their
/// lowest-index core point, so the border point joins, among the segments with a core point within `eps`, the one
/// whose lowest core row index is smallest. Core points and noise do not depend on row order; such shared border
/// points do (reordering the rows can move them to the other segment). Labels are numbered in expansion order, as
/// scikit-learn's, before ``ClusteringResult/canonicalized()``.
public struct DBSCAN: ClusteringAlgorithm {
  /// The neighbourhood radius (Euclidean, in feature units); `kdist` suggests one.
  public var eps: Double
  /// Rows within `eps` (the row itself included) that make a core point: scikit-learn's `min_samples`, Ester et
  /// al.'s MinPts.
  public var minPoints: Int

  public init(eps: Double, minPoints: Int = 5) {
    self.eps = eps
    self.minPoints = minPoints
  }

  public var algorithmName: String { "dbscan" }

  public var parameterList: [(key: String, value: String)] {
    [("eps", String(eps)), ("min_points", String(minPoints))]
  }

  /// Clusters `data`; no randomness is used (`rng` is left as it is).
  ///
  /// The rows are indexed once in a k-d tree; then, on fixed chunks of rows (the same result for any thread
  /// count): neighbour counts find the core points, core points are joined with their core neighbours, and border
  /// points take the smallest segment number among their core neighbours. Centroids are the means of the members
  /// (noise excluded); `modelRule` is the nearest-core-point ``DBSCANRule`` for new rows.
  ///
  /// - Parameters:
  ///   - data: the rows to cluster; every value must be finite.
  ///   - context: threads and cancellation, checked between the phases.
  ///   - rng: unused.
  /// - Returns: labels `0..<k` in scikit-learn's order with −1 for noise; k may be 0 (everything is noise).
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` for eps ≤ 0 or min_points < 1;
  ///   ``SegmentaError/missingValues(counts:)``, ``SegmentaError/insufficientData(_:)`` for unusable data;
  ///   ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: O(n × d × log n) for the tree plus O(n × (log n + m)) for the queries, m the mean number of
  ///   rows within `eps` (so O(n²) when `eps` covers most of the data); O(n × d) memory.
  public func fit(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom) throws(SegmentaError)
    -> ClusteringResult
  {
    try validate(data)
    let partition = try Self.partition(data, eps: eps, minPoints: minPoints, context: context)
    var result = ClusteringResult(
      labels: partition.labels, k: partition.k,
      centroids: ClusterMetrics.centroids(data, labels: partition.labels, k: partition.k))
    result.modelRule = .dbscan(DBSCANRule(eps: eps, data: data, labels: partition.labels, isCore: partition.isCore))
    return result
  }

  private func validate(_ data: FeatureMatrix) throws(SegmentaError) {
    if !(eps > 0 && eps.isFinite) {
      throw .invalidParameter(
        name: "eps", value: String(eps), expected: "a finite distance > 0; `kdist` suggests one for your features")
    }
    if minPoints < 1 {
      throw .invalidParameter(
        name: "min_points", value: String(minPoints), expected: "min_points ≥ 1 (the row itself counts), e.g. 5")
    }
    try DensityInput.validate(data, method: "DBSCAN")
  }
}
