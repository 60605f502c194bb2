/// Hierarchical agglomerative clustering with SciPy's conventions (`scipy.cluster.hierarchy.linkage`, NUMERICS.md),
/// cut into flat segments by a number of segments or a height.
///
/// The algorithms are those of Müllner 2011, "Modern hierarchical, agglomerative clustering algorithms"
/// (arXiv:1109.2378), as fastcluster and SciPy implement them:
/// - `ward`: the nearest-neighbour chain (Benzécri 1982, Juan 1982) on cluster centroids and sizes, so no distance
///   matrix is kept: O(n × d) memory. Merge height √(2·ΔSSE) with ΔSSE = nₐn_b/(nₐ+n_b)‖cₐ−c_b‖², SciPy's `ward`
///   and R's `ward.D2`.
/// - `single`: Prim's minimum spanning tree with distances computed on the fly: O(n) memory.
/// - `complete`, `average` (UPGMA): the nearest-neighbour chain on a condensed distance matrix with the
///   Lance–Williams updates, O(n²) memory; above ``memoryLimit`` the fit refuses before allocating and says why.
///
/// Distances are Euclidean. All four linkages are reducible, so the chain finds the same tree as the naive
/// algorithm; merges are sorted by height (stable) and numbered as SciPy numbers them, so on data without tied
/// distances ``ClusteringResult/merges`` equals SciPy's linkage matrix up to rounding. With ties the merge order
/// among equal heights follows the same scan order as SciPy (lowest index first, the previous chain element
/// preferred) but may differ where rounding differs.
public struct Hierarchical: ClusteringAlgorithm {
  /// How the distance between two clusters is defined.
  public enum Linkage: String, Sendable, CaseIterable {
    /// Increase in within-cluster sum of squares (Ward 1963), reported as √(2·ΔSSE).
    case ward
    /// Largest distance between members.
    case complete
    /// Mean distance between members (UPGMA).
    case average
    /// Smallest distance between members.
    case single
  }

  /// Where the tree is cut into flat segments.
  public enum Cut: Sendable, Equatable {
    /// Exactly k segments: the last k − 1 merges are undone (R's `cutree(k=)`). SciPy's
    /// `fcluster(criterion='maxclust')` agrees unless merge heights tie at the cut, where it returns fewer.
    case segments(Int)
    /// Every merge at a height ≤ h is kept (SciPy's `fcluster(criterion='distance')`, R's `cutree(h=)`).
    case height(Double)
  }

  /// The default ceiling for the distance matrix of `complete` and `average`: 2 GB.
  public static let defaultMemoryLimit = 2_000_000_000

  /// The linkage criterion.
  public var linkage: Linkage
  /// How the tree becomes segments.
  public var cut: Cut
  /// Bytes the distance matrix of `complete` and `average` may take; larger inputs are refused.
  public var memoryLimit: Int
  /// Shared by the fits of a sweep so the tree is built once and only cut per fit (see ``TreeCache``).
  public var treeCache: TreeCache?

  public init(linkage: Linkage = .ward, cut: Cut, memoryLimit: Int = defaultMemoryLimit, treeCache: TreeCache? = nil) {
    self.linkage = linkage
    self.cut = cut
    self.memoryLimit = memoryLimit
    self.treeCache = treeCache
  }

  public var algorithmName: String { "hierarchical" }

  public var parameterList: [(key: String, value: String)] {
    switch cut {
    case .segments(let k): [("linkage", linkage.rawValue), ("k", String(k))]
    case .height(let h): [("linkage", linkage.rawValue), ("height", String(h))]
    }
  }

  /// Builds the merge tree of `data` (or takes it from ``treeCache``) and cuts it.
  ///
  /// Deterministic: no randomness (`rng` is not used) and the same result for any `context.threads`.
  ///
  /// - Parameters:
  ///   - data: the rows to cluster; every value must be finite.
  ///   - context: threads (results do not depend on them) and cancellation, checked between merges.
  ///   - rng: unused; the tree has no random element.
  /// - Returns: labels `0..<k` numbered by first row, the segment means as centroids, their within-segment sum of
  ///   squares as inertia, and the full merge history in SciPy's linkage layout.
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` for k < 1 or a negative height;
  ///   ``SegmentaError/insufficientData(_:)`` for no rows, no features, k > n or infinite values;
  ///   ``SegmentaError/missingValues(counts:)`` for NaN; ``SegmentaError/memoryLimit(computation:bytes:limit:advice:)``
  ///   when the distance matrix of `complete`/`average` would exceed ``memoryLimit``;
  ///   ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: O(n² × d) time for every linkage (plus O(n α(n)) per cut); memory O(n × d) for `ward`, O(n) for
  ///   `single`, O(n²) for `complete` and `average`.
  public func fit(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom) throws(SegmentaError)
    -> ClusteringResult
  {
    try validate(data)
    let merges = try mergeTree(data, context: context)
    let applied: Int =
      switch cut {
      case .segments(let k): data.rows - k
      case .height(let h): merges.prefix { $0.height <= h }.count
      }
    let labels = Self.flatLabels(merges, rows: data.rows, applying: applied)
    let k = data.rows - applied
    var result = ClusteringResult(
      labels: labels, k: k, centroids: ClusterMetrics.centroids(data, labels: labels, k: k),
      inertia: ClusterMetrics.withinSumOfSquares(data, labels: labels))
    result.merges = merges
    return result
  }

  /// The sorted, SciPy-numbered merges, from the cache when it holds this data's tree.
  private func mergeTree(_ data: FeatureMatrix, context: ExecutionContext) throws(SegmentaError)
    -> [ClusteringResult.Merge]
  {
    if let cached = treeCache?.merges(for: data, linkage: linkage) { return cached }
    let raw: ContiguousArray<RawMerge> =
      switch linkage {
      case .ward: try Self.wardChain(data, context: context)
      case .single: try Self.primSingle(data, context: context)
      case .complete, .average: try Self.matrixChain(data, linkage: linkage, context: context)
      }
    let merges = Self.numbered(raw, rows: data.rows)
    treeCache?.store(merges, for: data, linkage: linkage)
    return merges
  }

  /// Checks the configuration against the data, with messages that say what to change.
  private func validate(_ data: FeatureMatrix) throws(SegmentaError) {
    switch cut {
    case .segments(let k):
      if k < 1 { throw .invalidParameter(name: "k", value: String(k), expected: "k ≥ 1") }
      if k > data.rows, data.rows > 0 {
        throw .insufficientData("k=\(k) but only \(data.rows) rows: choose k ≤ \(data.rows) or add data")
      }
    case .height(let h):
      if !(h >= 0 && h.isFinite) {
        throw .invalidParameter(name: "height", value: String(h), expected: "a finite height ≥ 0")
      }
    }
    if data.rows == 0 {
      throw .insufficientData("hierarchical clustering needs at least one row; the feature set is empty")
    }
    if data.columns == 0 {
      throw .insufficientData("hierarchical clustering needs at least one feature; select some columns")
    }
    try data.requireFinite(for: "hierarchical clustering")
    if linkage == .complete || linkage == .average {
      let bytes = Self.matrixBytes(rows: data.rows)
      if bytes > Double(memoryLimit) {
        throw .memoryLimit(
          computation: "\(linkage.rawValue) linkage on \(data.rows) rows (a distance matrix of every pair)",
          bytes: bytes, limit: memoryLimit,
          advice: "use linkage=ward or linkage=single (no matrix), cluster a sample of the rows, or run kmeans")
      }
    }
  }

  /// Bytes of the condensed distance matrix for `rows` rows: n(n−1)/2 doubles.
  static func matrixBytes(rows n: Int) -> Double {
    Double(n) * Double(n - 1) / 2 * Double(MemoryLayout<Double>.size)
  }
}
