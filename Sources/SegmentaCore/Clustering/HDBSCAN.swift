/// HDBSCAN, hierarchical density-based clustering with excess-of-mass selection (Campello, Moulavi & Sander 2013,
/// "Density-based clustering based on hierarchical density estimates", PAKDD 2013; the accelerated form of McInnes
/// & Healy 2017, "Accelerated hierarchical density based clustering", ICDMW 2017), metric euclidean.
///
/// The core distance of a row is the distance to its `minSamples`-th nearest row, the row itself counted (as the
/// paper and scikit-learn's `HDBSCAN`; the `hdbscan` package does not count the row itself, so its `min_samples=m`
/// is `minSamples = m + 1` here). The mutual reachability distance of two rows is max(core(a), core(b), ‖a − b‖).
/// Its minimum spanning tree (Borůvka's algorithm over a k-d tree) gives the single-linkage hierarchy, which is
/// condensed with `minSize`: a split where a side has fewer than `minSize` rows is those rows leaving the cluster,
/// not a new cluster. The clusters of the condensed tree with the largest total stability Σ (λ − λ_birth) × size,
/// λ = 1 / distance, are selected (excess of mass; the root is never selected, `allow_single_cluster=False`).
/// Rows in no selected cluster are noise (label −1), never forced into a segment.
///
/// Ties: mutual reachability distances tie often (every pair joined at a row's core distance has the same one), so
/// several spanning trees are minimal. scikit-learn keeps the one Prim's algorithm finds from row 0, the `hdbscan`
/// package the one of its (by default approximate) Borůvka; here edges are ordered by (distance, smaller row, larger
/// row). The hierarchies then agree at every distinct height, but a row joining at a tied height can fall on the
/// other side of a split (on the reference fixtures ARI ≥ 0.998 against scikit-learn and the package's exact
/// `generic` algorithm). The result is deterministic and, through such ties only, can depend on row order.
public struct HDBSCAN: ClusteringAlgorithm {
  /// The smallest number of rows that may form a segment (`min_cluster_size`).
  public var minSize: Int
  /// Rows (the row itself included) whose farthest one defines the core distance; `nil` means `minSize`.
  public var minSamples: Int?

  public init(minSize: Int, minSamples: Int? = nil) {
    self.minSize = minSize
    self.minSamples = minSamples
  }

  /// The `minSamples` in effect (`minSize` unless set).
  public var effectiveMinSamples: Int { minSamples ?? minSize }

  public var algorithmName: String { "hdbscan" }

  public var parameterList: [(key: String, value: String)] {
    [("min_size", String(minSize)), ("min_samples", String(effectiveMinSamples))]
  }

  /// Clusters `data`; no randomness is used (`rng` is left as it is).
  ///
  /// Core distances come from k-nearest-neighbour queries on a k-d tree, chunked over the rows; each Borůvka round
  /// finds every component's shortest outgoing edge with chunked tree queries and joins them in component order.
  /// The result does not depend on the thread count. Centroids are the means of the members (noise excluded);
  /// `modelRule` is the approximate-prediction ``HDBSCANRule`` for new rows.
  ///
  /// - Parameters:
  ///   - data: the rows to cluster; every value must be finite.
  ///   - context: threads and cancellation, checked between the phases and the Borůvka rounds.
  ///   - rng: unused.
  /// - Returns: labels `0..<k` numbered by the condensed tree's cluster order with −1 for noise; k may be 0.
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` for min_size < 2 or min_samples outside
  ///   1…n; ``SegmentaError/missingValues(counts:)``, ``SegmentaError/insufficientData(_:)`` for unusable data;
  ///   ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: about O(n × log n × (d + minSamples) × rounds) time for well-spread data in few dimensions
  ///   (rounds ≤ log₂ n), degrading towards O(n²) in many dimensions; O(n × d) memory.
  public func fit(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom) throws(SegmentaError)
    -> ClusteringResult
  {
    try validate(data)
    let tree = KDTree(data)
    try context.checkCancellation()
    let core = tree.kthNearestSquaredDistances(effectiveMinSamples, context: context)
    try context.checkCancellation()
    let spanning = try Self.minimumSpanningTree(tree, core: core, context: context)
    try context.checkCancellation()
    let hierarchy = Self.singleLinkage(spanning, rows: data.rows)
    let condensed = Self.condense(hierarchy, minSize: minSize)
    let selected = condensed.excessOfMass()
    let labels = condensed.labels(selected: selected)
    var result = ClusteringResult(
      labels: labels.labels, k: labels.k, centroids: ClusterMetrics.centroids(data, labels: labels.labels, k: labels.k))
    let lambdas = condensed.rowLambdas(selected: selected)
    var coreDistances = ContiguousArray<Double>(repeating: 0, count: data.rows)
    for (position, row) in tree.order.enumerated() { coreDistances[row] = core[position].squareRoot() }
    result.modelRule = .hdbscan(
      HDBSCANRule(
        minSamples: effectiveMinSamples, points: data, labels: labels.labels, coreDistances: coreDistances,
        exitLambdas: lambdas.exit, birthLambdas: lambdas.birth))
    return result
  }

  private func validate(_ data: FeatureMatrix) throws(SegmentaError) {
    if minSize < 2 {
      throw .invalidParameter(
        name: "min_size", value: String(minSize), expected: "min_size ≥ 2 rows per segment, e.g. 5 or 15")
    }
    try DensityInput.validate(data, method: "HDBSCAN")
    if let minSamples, minSamples < 1 {
      throw .invalidParameter(
        name: "min_samples", value: String(minSamples), expected: "min_samples ≥ 1 (the row itself counts)")
    }
    if effectiveMinSamples > data.rows {
      throw .invalidParameter(
        name: "min_samples", value: String(effectiveMinSamples),
        expected: "at most the \(data.rows) rows; lower min_samples (it defaults to min_size)")
    }
  }
}
