/// Gaussian mixture models fitted by expectation–maximisation, with scikit-learn's conventions
/// (`sklearn/mixture/_gaussian_mixture.py`, `_base.py`; NUMERICS.md).
///
/// EM (Dempster, Laird & Rubin 1977, "Maximum likelihood from incomplete data via the EM algorithm", JRSS B 39(1))
/// for a mixture of k Gaussians whose covariances are full, diagonal, one shared ("tied") matrix or one variance per
/// component ("spherical") — the parameterisations of Fraley & Raftery 2002 ("Model-based clustering, discriminant
/// analysis, and density estimation", JASA 97(458)). Each run starts from responsibilities (one-hot k-means labels
/// by default, as scikit-learn's `init_params="kmeans"`), alternates E- and M-steps and stops when the mean
/// log-likelihood per row changes by less than `tolerance`; `reg_covar` is added to every covariance diagonal.
///
/// Model selection: BIC = −2 log L + p ln n and AIC = −2 log L + 2p, **lower is better** (scikit-learn's sign;
/// R's mclust reports 2 log L − p ln n, where higher is better). p = k·d means + covariance parameters (full
/// k·d(d+1)/2, diag k·d, tied d(d+1)/2, spherical k) + (k − 1) weights.
///
/// Covariances are accumulated around the new means (Σ r (x − μ)(x − μ)ᵀ), not as scikit-learn's
/// E[xxᵀ] − μμᵀ for tied, diag and spherical: the two agree to rounding on centred data, and the centred form does
/// not cancel catastrophically for features far from the origin (raw revenue in euros).
public struct GaussianMixture: ClusteringAlgorithm {
  /// How component covariances are parameterised (scikit-learn's `covariance_type`).
  public enum CovarianceType: String, Sendable, CaseIterable {
    /// Each component has its own general covariance matrix.
    case full
    /// Each component has its own diagonal covariance (features independent within a component).
    case diag
    /// All components share one general covariance matrix.
    case tied
    /// Each component has one variance for all features.
    case spherical
  }

  /// How each run's starting responsibilities are chosen.
  public enum Initialization: Sendable, Equatable {
    /// One-hot labels of a single k-means++ run (``KMeans`` with `nInit` 1), drawn from the run's generator.
    case kMeans
    /// Given responsibilities (n × k, non-negative); `nInit` is then 1. One-hot rows reproduce a hard start.
    case responsibilities(FeatureMatrix)
  }

  /// Number of components (segments).
  public var k: Int
  /// The covariance parameterisation.
  public var covarianceType: CovarianceType
  /// How each run starts.
  public var initialization: Initialization
  /// Number of runs from different starts (forced to 1 for given responsibilities); the highest final lower bound
  /// (mean log-likelihood per row) wins.
  public var nInit: Int
  /// Maximum EM iterations per run.
  public var maxIterations: Int
  /// A run converges when the mean log-likelihood per row changes by less than this (absolute, not relative).
  public var tolerance: Double
  /// Added to every covariance diagonal so that no component collapses onto a point (scikit-learn's `reg_covar`).
  public var regularization: Double

  public init(
    k: Int, covarianceType: CovarianceType = .full, initialization: Initialization = .kMeans, nInit: Int = 1,
    maxIterations: Int = 100, tolerance: Double = 1e-3, regularization: Double = 1e-6
  ) {
    self.k = k
    self.covarianceType = covarianceType
    self.initialization = initialization
    self.nInit = nInit
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.regularization = regularization
  }

  public var algorithmName: String { "gmm" }

  public var parameterList: [(key: String, value: String)] {
    let initName =
      switch initialization {
      case .kMeans: "kmeans"
      case .responsibilities: "explicit"
      }
    return [
      ("k", String(k)), ("covariance", covarianceType.rawValue), ("init", initName), ("n_init", String(nInit)),
      ("max_iter", String(maxIterations)), ("tol", String(tolerance)), ("reg_covar", String(regularization)),
    ]
  }

  /// Fits the mixture and reports it as a clustering.
  ///
  /// - Parameters:
  ///   - data: the rows to cluster; every value must be finite.
  ///   - context: threads (results do not depend on them) and cancellation, checked between iterations.
  ///   - rng: the seeded generator for the k-means starts.
  /// - Returns: labels = the most probable component (ties → lowest index), centroids = component means,
  ///   `criteria` = `log_likelihood` (total over rows), `bic` and `aic` (lower is better — scikit-learn's sign;
  ///   mclust uses the opposite), `memberships` = the n × k responsibilities, `iterations` of the best run,
  ///   `modelRule` = the maximum-posterior ``MixtureRule`` for new rows.
  /// - Throws: as ``fitModel(_:context:rng:)``.
  /// - Complexity: as ``fitModel(_:context:rng:)``.
  public func fit(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom) throws(SegmentaError)
    -> ClusteringResult
  {
    let model = try fitModel(data, context: context, rng: &rng)
    var result = ClusteringResult(
      labels: model.labels, k: k, centroids: model.means, iterations: model.iterations)
    result.criteria = [
      .init(name: "log_likelihood", value: model.logLikelihood), .init(name: "bic", value: model.bic),
      .init(name: "aic", value: model.aic),
    ]
    result.memberships = model.responsibilities
    result.modelRule = MixtureRule(
      covarianceType: covarianceType, weights: Array(model.weights), means: model.means,
      covariances: model.covariances
    ).map { .mixture($0) }
    return result
  }

  /// Fits the mixture and returns every fitted parameter.
  ///
  /// Run `r` draws its k-means start from `rng.derived(r)`, so neither the thread count nor the order of runs
  /// changes the result; afterwards `rng` is advanced by one step. The first run with the highest lower bound wins
  /// (scikit-learn's rule); a final E-step with its parameters gives the labels, responsibilities and the
  /// log-likelihood behind BIC and AIC (scikit-learn's `score`).
  ///
  /// - Parameters:
  ///   - data: the rows to cluster; every value must be finite.
  ///   - context: threads (results do not depend on them) and cancellation, checked between iterations.
  ///   - rng: the seeded generator for the k-means starts.
  /// - Returns: the fitted ``Model``.
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` for k, n_init, max_iter, tol, reg_covar or
  ///   responsibilities out of range; ``SegmentaError/missingValues(counts:)`` for NaN;
  ///   ``SegmentaError/insufficientData(_:)`` for fewer rows than k, infinite values or a covariance that stays
  ///   singular despite `reg_covar`; ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: O(nInit × iterations × n × k × d²) time for full and tied covariances, O(… × n × k × d) for
  ///   diag and spherical, plus O(k × d³) per iteration for the Cholesky factors; O(n × k + chunks × k × d²)
  ///   memory (chunks ≤ 256, one per 2,048 rows).
  public func fitModel(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom)
    throws(SegmentaError) -> Model
  {
    try validate(data)
    let runs = if case .responsibilities = initialization { 1 } else { nInit }
    var best: EMRun?
    for run in 0..<runs {
      try context.checkCancellation()
      var runRng = rng.derived(run)
      let start = try initialResponsibilities(data, rng: &runRng, context: context)
      let result = try expectationMaximization(data, start: start, context: context)
      if best.map({ result.lowerBound > $0.lowerBound }) ?? true { best = result }
    }
    _ = rng.next()
    guard let best else { preconditionFailure("at least one run") }
    let final = Self.expectation(data, best.parameters, type: covarianceType, context: context)
    return Model(
      covarianceType: covarianceType, weights: best.parameters.weights,
      means: FeatureMatrix(rows: k, columns: data.columns, names: data.names, values: best.parameters.means),
      covariances: best.parameters.covariances, logLikelihood: final.logLikelihood, lowerBound: best.lowerBound,
      iterations: best.iterations, converged: best.converged,
      responsibilities: FeatureMatrix(
        rows: data.rows, columns: k, names: (1...k).map { "p\($0)" }, values: final.responsibilities),
      labels: final.labels)
  }

  /// The number of free parameters p of a mixture (scikit-learn's `_n_parameters`): k·d means, the covariance
  /// parameters of `covarianceType` and k − 1 weights.
  ///
  /// - Complexity: O(1).
  public static func parameterCount(k: Int, dimensions d: Int, covarianceType: CovarianceType) -> Int {
    let covariance =
      switch covarianceType {
      case .full: k * d * (d + 1) / 2
      case .diag: k * d
      case .tied: d * (d + 1) / 2
      case .spherical: k
      }
    return k * d + covariance + k - 1
  }

  /// The starting responsibilities of one run (n × k, row-major).
  private func initialResponsibilities(_ data: FeatureMatrix, rng: inout SeededRandom, context: ExecutionContext)
    throws(SegmentaError) -> ContiguousArray<Double>
  {
    switch initialization {
    case .responsibilities(let given):
      return given.values
    case .kMeans:
      let labels = try KMeans(k: k, nInit: 1).fit(data, context: context, rng: &rng).labels
      var responsibilities = ContiguousArray<Double>(repeating: 0, count: data.rows * k)
      for (i, label) in labels.enumerated() { responsibilities[i * k + Int(label)] = 1 }
      return responsibilities
    }
  }
}
