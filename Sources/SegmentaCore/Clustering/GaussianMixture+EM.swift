/// One EM run in scikit-learn's order (`BaseMixture.fit_predict`).
extension GaussianMixture {
  /// The parameters of a mixture with what the E-step needs precomputed.
  struct Parameters: Sendable {
    /// Mixing weights (k).
    var weights: ContiguousArray<Double>
    /// Means (k × d, row-major).
    var means: ContiguousArray<Double>
    /// Covariances in scikit-learn's layout (full k × d × d, tied d × d, diag k × d, spherical k).
    var covariances: ContiguousArray<Double>
    /// full/tied: the lower Cholesky factors L of the covariances (same layout, upper triangle 0);
    /// diag/spherical: the precision square roots 1/σ (same layout as the covariances).
    var factors: ContiguousArray<Double>
    /// Per component, log √det(precision) = −Σⱼ log Lⱼⱼ (scikit-learn's `_compute_log_det_cholesky`).
    var logDeterminants: ContiguousArray<Double>
  }

  /// The outcome of one run.
  struct EMRun {
    var parameters: Parameters
    /// Mean log-likelihood per row at the last E-step.
    var lowerBound: Double
    var iterations: Int
    var converged: Bool
  }

  /// Runs EM from starting responsibilities.
  ///
  /// The start gives the first parameters by an M-step (weights nₖ / n, as scikit-learn's `_initialize`); each
  /// iteration then computes responsibilities and the mean log-likelihood (E-step), re-estimates the parameters
  /// from them (M-step, weights nₖ / Σnₖ) and stops once the mean log-likelihood changed by less than `tolerance`.
  ///
  /// - Complexity: O(iterations × n × k × d²) time (O(… × d) for diag and spherical); O(n × k) memory plus the
  ///   chunk partial sums.
  func expectationMaximization(_ data: FeatureMatrix, start: ContiguousArray<Double>, context: ExecutionContext)
    throws(SegmentaError) -> EMRun
  {
    var parameters = try maximization(data, responsibilities: start, weightsOverRows: true, context: context)
    var lowerBound = -Double.infinity
    for iteration in 1...maxIterations {
      try context.checkCancellation()
      let previous = lowerBound
      let step = Self.expectation(data, parameters, type: covarianceType, context: context)
      parameters = try maximization(
        data, responsibilities: step.responsibilities, weightsOverRows: false, context: context)
      lowerBound = step.logLikelihood / Double(data.rows)
      if abs(lowerBound - previous) < tolerance {
        return EMRun(parameters: parameters, lowerBound: lowerBound, iterations: iteration, converged: true)
      }
    }
    return EMRun(parameters: parameters, lowerBound: lowerBound, iterations: maxIterations, converged: false)
  }
}
