/// k-medoids: k representative rows (medoids) minimising the total dissimilarity of every row to its nearest one.
///
/// PAM, "Partitioning Around Medoids" (L. Kaufman, P. J. Rousseeuw, "Finding Groups in Data", Wiley 1990, ch. 2):
/// a greedy BUILD, then SWAP iterations that each make the single best medoid/non-medoid exchange, as the
/// `kmedoids` package's `pam` (E. Schubert, P. J. Rousseeuw, "Fast and eager k-medoids clustering", Information
/// Systems 101 (2021)) does, with its order and tie-breaking, so medoids, labels and cost agree exactly.
/// CLARA, "Clustering LARge Applications" (same book, ch. 3; R's `cluster::clara`): PAM on `samples` random samples
/// of `40 + 2k` rows (each sample after the first includes the best medoids so far), every row assigned to the
/// nearest medoid of each, the sample whose medoids give the lowest total cost on all rows wins.
///
/// Medoids are actual customers, so segments have a real representative, and the cost (a sum of distances, not
/// squared ones) makes outlying customers pull less than in k-means. Metrics: euclidean and manhattan on the
/// features, or Gower (``GowerDissimilarity``) on the features plus categorical columns with missing values.
public struct KMedoids: ClusteringAlgorithm {
  /// How rows are compared.
  public enum Metric: String, Sendable, CaseIterable {
    /// √Σ(xⱼ − yⱼ)² over the features.
    case euclidean
    /// Σ|xⱼ − yⱼ| over the features.
    case manhattan
    /// Gower's dissimilarity over the features (range-scaled) and the categorical columns (match or not).
    case gower
  }
  /// Which search runs.
  public enum Method: String, Sendable, CaseIterable {
    /// BUILD + SWAP on the full dissimilarity matrix (at most ``pamRowLimit`` rows).
    case pam
    /// PAM on samples, for large data.
    case clara
  }

  /// PAM holds an n × n matrix (8n² bytes, 800 MB at this limit) and needs O(k n²) per swap pass; above this many
  /// rows it is refused in favour of CLARA.
  public static let pamRowLimit = 10_000

  /// Number of segments.
  public var k: Int
  /// How rows are compared.
  public var metric: Metric
  /// Which search runs.
  public var method: Method
  /// Categorical columns of the same rows as the features, used by the Gower metric only.
  public var categorical: CategoricalMatrix?
  /// Maximum SWAP iterations per PAM run (the `kmedoids` package's default is 100).
  public var maxIterations: Int
  /// CLARA: number of samples (R's default 5).
  public var samples: Int
  /// CLARA: rows per sample; `nil` means R's default 40 + 2k (at most all rows).
  public var sampleSize: Int?

  public init(
    k: Int, metric: Metric = .euclidean, method: Method = .pam, categorical: CategoricalMatrix? = nil,
    maxIterations: Int = 100, samples: Int = 5, sampleSize: Int? = nil
  ) {
    self.k = k
    self.metric = metric
    self.method = method
    self.categorical = categorical
    self.maxIterations = maxIterations
    self.samples = samples
    self.sampleSize = sampleSize
  }

  public var algorithmName: String { "kmedoids" }

  public var parameterList: [(key: String, value: String)] {
    var list: [(key: String, value: String)] = [("k", String(k)), ("metric", metric.rawValue)]
    if let categorical { list.append(("categorical", categorical.names.joined(separator: ","))) }
    list += [("method", method.rawValue), ("max_iter", String(maxIterations))]
    if method == .clara {
      list += [("samples", String(samples)), ("sampsize", sampleSize.map(String.init) ?? "40+2k")]
    }
    return list
  }

  /// Fits k-medoids to `data` (and ``categorical`` for Gower).
  ///
  /// PAM is deterministic and leaves `rng` alone; CLARA draws sample `s` from `rng.derived(s)` and then advances
  /// `rng` by one step. Labels are as the search left them, not canonicalized.
  ///
  /// - Parameters:
  ///   - data: the rows to cluster; finite values (Gower also accepts NaN as missing).
  ///   - context: threads (results do not depend on them) and cancellation, checked between iterations.
  ///   - rng: the seeded generator for CLARA's samples.
  /// - Returns: labels `0..<k`, the medoid rows of `data` as centroids, the SWAP iterations (of CLARA's best
  ///   sample) and the criterion `cost`: Σ dissimilarity of each row to its medoid (the `kmedoids` package's
  ///   `loss`; R's `objective` is this ÷ n). `inertia` is not set: the cost is not a sum of squares.
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` for k, max_iter, samples, sampsize,
  ///   categorical columns without Gower, or PAM above ``pamRowLimit`` rows; ``SegmentaError/missingValues(counts:)``
  ///   for NaN with euclidean or manhattan; ``SegmentaError/insufficientData(_:)`` for fewer rows (or distinct rows)
  ///   than k, infinite values or rows without a common variable (Gower); ``SegmentaError/interrupted``.
  /// - Complexity: PAM O(n² × variables) for the matrix, O(k n²) for BUILD, O(n²) to O(k n²) per SWAP pass; O(n²)
  ///   memory (8n² bytes). CLARA O(samples × (m² × variables + k m² × iterations + n × k × variables)) for m =
  ///   sample size; O(m² + n) memory.
  public func fit(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom) throws(SegmentaError)
    -> ClusteringResult
  {
    try validate(data)
    let rowMetric = try makeRowMetric(data)
    let fitted: (medoids: [Int], labels: ContiguousArray<Int32>, cost: Double, iterations: Int)
    switch method {
    case .pam:
      let matrix = try Self.definedMatrix(rowMetric, of: Array(0..<data.rows), context: context)
      let run = try Self.pam(matrix, k: k, maxIterations: maxIterations, context: context)
      fitted = (run.medoids, run.labels, run.cost, run.iterations)
    case .clara:
      let size = Swift.min(data.rows, sampleSize ?? 40 + 2 * k)
      let run = try Self.clara(
        rowMetric, k: k, samples: samples, sampleSize: size, maxIterations: maxIterations, context: context, rng: &rng)
      fitted = (run.medoids, run.labels, run.cost, run.iterations)
      _ = rng.next()
    }
    var result = ClusteringResult(
      labels: fitted.labels, k: k, centroids: data.selectingRows(fitted.medoids), iterations: fitted.iterations)
    result.criteria = [ClusteringResult.Criterion(name: "cost", value: fitted.cost)]
    return result
  }

  /// The metric over `data` (and the categorical columns for Gower).
  private func makeRowMetric(_ data: FeatureMatrix) throws(SegmentaError) -> RowMetric {
    switch metric {
    case .euclidean: return .euclidean(data)
    case .manhattan: return .manhattan(data)
    case .gower:
      let none = CategoricalMatrix(rows: data.rows, names: [], levels: [], codes: [])
      return .gower(GowerDissimilarity(try MixedData(numeric: data, categorical: categorical ?? none)))
    }
  }

  /// The dissimilarities among `subset`, refusing undefined ones: Gower's dissimilarity is NaN for two rows
  /// without a common present variable, and PAM cannot compare NaN.
  static func definedMatrix(_ metric: RowMetric, of subset: [Int], context: ExecutionContext) throws(SegmentaError)
    -> DissimilarityMatrix
  {
    let matrix = metric.matrix(of: subset, context: context)
    guard let index = matrix.values.firstIndex(where: { $0.isNaN }) else { return matrix }
    throw .insufficientData(
      "rows \(subset[index / matrix.count] + 1) and \(subset[index % matrix.count] + 1) have no variable present "
        + "in both, so their Gower dissimilarity is undefined: impute or drop missing values")
  }
}
