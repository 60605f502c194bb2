/// What a user can get wrong when asking for a Gaussian mixture, checked before any work starts.
extension GaussianMixture {
  /// Checks the configuration against the data, with messages that say what to change.
  func validate(_ data: FeatureMatrix) throws(SegmentaError) {
    if k < 1 { throw .invalidParameter(name: "k", value: String(k), expected: "k ≥ 1") }
    if data.rows == 0 {
      throw .insufficientData("a Gaussian mixture needs at least one row; the feature set is empty")
    }
    if data.columns == 0 {
      throw .insufficientData("a Gaussian mixture needs at least one feature; select some columns")
    }
    if k > data.rows {
      throw .insufficientData("k=\(k) but only \(data.rows) rows: choose k ≤ \(data.rows) or add data")
    }
    if nInit < 1 { throw .invalidParameter(name: "n_init", value: String(nInit), expected: "n_init ≥ 1") }
    if maxIterations < 1 {
      throw .invalidParameter(name: "max_iter", value: String(maxIterations), expected: "max_iter ≥ 1")
    }
    if !(tolerance >= 0 && tolerance.isFinite) {
      throw .invalidParameter(name: "tol", value: String(tolerance), expected: "a finite tol ≥ 0, e.g. 1e-3")
    }
    if !(regularization >= 0 && regularization.isFinite) {
      throw .invalidParameter(
        name: "reg_covar", value: String(regularization), expected: "a finite reg_covar ≥ 0, e.g. 1e-6")
    }
    if data.values.contains(where: \.isNaN) { try data.requireFinite(for: "the Gaussian mixture") }
    if data.values.contains(where: \.isInfinite) {
      throw .insufficientData(
        "a Gaussian mixture needs finite values but the features contain ±infinity: transform or drop them")
    }
    if case .responsibilities(let given) = initialization {
      if given.rows != data.rows || given.columns != k {
        throw .invalidParameter(
          name: "init", value: "\(given.rows)×\(given.columns) responsibilities",
          expected: "n × k = \(data.rows)×\(k) responsibilities, one row per data row and one column per component")
      }
      if given.values.contains(where: { !($0 >= 0 && $0.isFinite) }) {
        throw .invalidParameter(
          name: "init", value: "a negative or non-finite responsibility", expected: "finite responsibilities ≥ 0")
      }
    }
  }

  /// The error for a covariance that has no Cholesky factor even after `reg_covar` was added.
  func singularCovariance() -> SegmentaError {
    .insufficientData(
      "Gaussian mixture k=\(k) covariance=\(covarianceType.rawValue): a component's covariance is singular even "
        + "with reg_covar=\(regularization) (a component collapsed onto few or identical rows); choose a smaller k, "
        + "raise reg_covar (e.g. reg_covar=1e-3), use covariance=diag or spherical, or scale the features "
        + "(`scale zscore`)")
  }
}
