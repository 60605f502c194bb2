/// What every clustering algorithm is: a configuration value that fits a ``FeatureMatrix``.
///
/// The session layer treats all variants uniformly through this protocol (compare, inspect, export).
public protocol ClusteringAlgorithm: Sendable {
  /// Short algorithm name as used in `run NAME`, e.g. `kmeans`.
  var algorithmName: String { get }
  /// The parameters in a stable order, as `key=value` pairs for display and export.
  var parameterList: [(key: String, value: String)] { get }
  /// Fits the model. Deterministic for a given `rng` state, whatever `context.threads` is.
  func fit(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom) throws(SegmentaError)
    -> ClusteringResult
  /// Whether the configuration carries data per row besides the matrix (categorical columns for k-prototypes or
  /// Gower), so it can only refit rows of the data it was made for, not synthetic data. `false` by default.
  var carriesRowData: Bool { get }
  /// The configuration for refitting `rows` of the data it was made for, in that order (stability resamples):
  /// per-row data is subset alike. The configuration itself by default.
  func resampled(rows: [Int]) -> Self
}

/// The outcome of a clustering: enough to compare, inspect, export and re-run it.
public struct ClusteringResult: Sendable, Equatable {
  /// Segment label per row, `0..<k`; `-1` marks noise (density methods).
  public var labels: ContiguousArray<Int32>
  /// Number of segments (noise excluded).
  public var k: Int
  /// Segment centres in feature space (k × d), where the method has them.
  public var centroids: FeatureMatrix?
  /// Within-segment sum of squared distances to the centres, where defined.
  public var inertia: Double?
  /// Iterations of the best run, where meaningful.
  public var iterations: Int?
  /// Model criteria in a stable order, e.g. log-likelihood, BIC and AIC of a mixture (lower-is-better and sign
  /// conventions belong in the criterion's documentation).
  public var criteria: [Criterion] = []
  /// Soft membership (n × k, rows sum to 1) for probabilistic methods; column j belongs to segment j.
  public var memberships: FeatureMatrix?
  /// The merge history of a hierarchical method, in SciPy's `linkage` layout (clusters 0..<n are the rows,
  /// merge i creates cluster n + i).
  public var merges: [Merge]?
  /// The model's own rule for new rows where it is not the nearest centre (a mixture's posterior, the density
  /// rules with noise); segments follow `labels`.
  public var modelRule: ModelRule?

  /// A named number describing a fitted model (e.g. `bic`).
  public struct Criterion: Sendable, Equatable {
    public let name: String
    public let value: Double
    public init(name: String, value: Double) {
      self.name = name
      self.value = value
    }
  }

  /// One merge of two clusters at a height, with the size of the new cluster (a row of SciPy's linkage matrix).
  public struct Merge: Sendable, Equatable {
    public let left: Int
    public let right: Int
    public let height: Double
    public let size: Int
    public init(left: Int, right: Int, height: Double, size: Int) {
      self.left = left
      self.right = right
      self.height = height
      self.size = size
    }
  }

  public init(
    labels: ContiguousArray<Int32>, k: Int, centroids: FeatureMatrix? = nil, inertia: Double? = nil,
    iterations: Int? = nil
  ) {
    self.labels = labels
    self.k = k
    self.centroids = centroids
    self.inertia = inertia
    self.iterations = iterations
  }
}
