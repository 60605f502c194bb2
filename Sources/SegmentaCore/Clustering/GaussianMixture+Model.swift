import Foundation

extension GaussianMixture {
  /// A fitted Gaussian mixture: the parameters in scikit-learn's layout, the fit's likelihood and the soft
  /// assignment of every row.
  public struct Model: Sendable, Equatable {
    /// The covariance parameterisation.
    public let covarianceType: CovarianceType
    /// Mixing weights (k, sum 1), scikit-learn's `weights_`.
    public let weights: ContiguousArray<Double>
    /// Component means (k × d, named as the features), scikit-learn's `means_`.
    public let means: FeatureMatrix
    /// Covariances (`reg_covar` included) in scikit-learn's `covariances_` layout, row-major: full k × d × d,
    /// tied d × d, diag k × d, spherical k.
    public let covariances: ContiguousArray<Double>
    /// Total log-likelihood of the rows under the fitted model, Σᵢ log Σⱼ wⱼ N(xᵢ | μⱼ, Σⱼ)
    /// (scikit-learn's `score(X) × n`).
    public let logLikelihood: Double
    /// The best run's lower bound: its mean log-likelihood per row at the last E-step (scikit-learn's
    /// `lower_bound_`, the value runs are ranked by).
    public let lowerBound: Double
    /// EM iterations of the best run (scikit-learn's `n_iter_`).
    public let iterations: Int
    /// Whether the best run stopped on `tolerance` rather than on `maxIterations`.
    public let converged: Bool
    /// Responsibilities (n × k, rows sum to 1): the posterior probability of each component for each row.
    public let responsibilities: FeatureMatrix
    /// The most probable component per row (ties → lowest index).
    public let labels: ContiguousArray<Int32>

    /// Number of components.
    public var k: Int { weights.count }

    /// The number of free parameters (see ``GaussianMixture/parameterCount(k:dimensions:covarianceType:)``).
    public var parameterCount: Int {
      GaussianMixture.parameterCount(k: k, dimensions: means.columns, covarianceType: covarianceType)
    }

    /// Bayesian information criterion −2 log L + p ln n (Schwarz 1978, "Estimating the dimension of a model",
    /// Ann. Statist. 6(2)). Lower is better — scikit-learn's sign; mclust reports the negative.
    public var bic: Double {
      -2 * logLikelihood + Double(parameterCount) * log(Double(responsibilities.rows))
    }

    /// Akaike information criterion −2 log L + 2p (Akaike 1974, "A new look at the statistical model
    /// identification", IEEE Trans. Autom. Control 19(6)). Lower is better.
    public var aic: Double { -2 * logLikelihood + 2 * Double(parameterCount) }
  }
}
