import Foundation

/// The assignment rule of a Gaussian mixture: a row belongs to the component with the largest posterior
/// probability, i.e. the largest log wⱼ + log N(x | μⱼ, Σⱼ) (ties → the lowest segment) — scikit-learn's
/// `GaussianMixture.predict`, with `predict_proba`'s posterior of the chosen segment.
///
/// Each log-density is written as cⱼ − ½ Σₐ zⱼₐ² with zⱼₐ = Σ_{b ≤ a} Uⱼ[b, a] (x_b − μⱼ_b), where Uⱼ is the
/// upper-triangular Cholesky factor of the precision Σⱼ⁻¹ = UⱼUⱼᵀ (scikit-learn's `precisions_cholesky_`) and
/// cⱼ = log wⱼ + Σₐ log Uⱼ[a, a] − d/2 · log 2π. Only +, −, × and comparisons depend on the row, so the exported
/// SQL computes the same numbers in the same order (terms with a structural zero in Uⱼ are skipped in both).
public struct MixtureRule: Sendable, Equatable {
  /// The covariance parameterisation the mixture was fitted with.
  public let covarianceType: GaussianMixture.CovarianceType
  /// Mixing weights (k).
  public let weights: [Double]
  /// Component means (k × d, columns = model features).
  public let means: FeatureMatrix
  /// Covariances in scikit-learn's `covariances_` layout (full k × d × d, tied d × d, diag k × d, spherical k).
  public let covariances: ContiguousArray<Double>
  /// Uⱼ per component as a full d × d block (k × d × d, row-major, below the diagonal 0).
  public let precisionFactors: ContiguousArray<Double>
  /// cⱼ = log wⱼ + log det Uⱼ − d/2 · log 2π per component.
  public let constants: [Double]

  /// The rule of a mixture with these parameters, or `nil` when a covariance is not positive definite.
  /// - Complexity: O(k × d³).
  public init?(
    covarianceType: GaussianMixture.CovarianceType, weights: [Double], means: FeatureMatrix,
    covariances: ContiguousArray<Double>
  ) {
    let k = weights.count
    let d = means.columns
    precondition(means.rows == k, "one mean per component")
    guard
      let (factors, logDeterminants) = GaussianMixture.factorize(covariances, k: k, columns: d, type: covarianceType)
    else { return nil }
    var upper = ContiguousArray<Double>(repeating: 0, count: k * d * d)
    for j in 0..<k {
      switch covarianceType {
      case .full, .tied:
        let base = covarianceType == .full ? j * d * d : 0
        let inverse = Self.inverseLower(Array(factors[base..<(base + d * d)]), d)
        for a in 0..<d {
          for b in 0...a { upper[j * d * d + b * d + a] = inverse[a * d + b] }
        }
      case .diag:
        for a in 0..<d { upper[j * d * d + a * d + a] = factors[j * d + a] }
      case .spherical:
        for a in 0..<d { upper[j * d * d + a * d + a] = factors[j] }
      }
    }
    self.covarianceType = covarianceType
    self.weights = weights
    self.means = means
    self.covariances = covariances
    self.precisionFactors = upper
    self.constants = (0..<k).map { j in
      log(weights[j]) + logDeterminants[j] - 0.5 * Double(d) * log(2 * Double.pi)
    }
  }

  /// Number of components (segments).
  public var k: Int { weights.count }

  /// The inverse of a lower-triangular d × d matrix (row-major) by forward substitution on the identity.
  private static func inverseLower(_ lower: [Double], _ d: Int) -> [Double] {
    var inverse = [Double](repeating: 0, count: d * d)
    for column in 0..<d {
      for a in column..<d {
        var value = a == column ? 1.0 : 0.0
        for b in column..<a { value -= lower[a * d + b] * inverse[b * d + column] }
        inverse[a * d + column] = value / lower[a * d + a]
      }
    }
    return inverse
  }

  /// log wⱼ + log N(x | μⱼ, Σⱼ) of row `i` of `matrix` for every component, summed in the order the SQL export
  /// writes them.
  /// - Complexity: O(k × d²).
  public func logDensities(ofRow i: Int, in matrix: FeatureMatrix) -> [Double] {
    precondition(matrix.columns == means.columns, "the matrix must have the model's features")
    let d = means.columns
    return (0..<k).map { j in
      var sum = 0.0
      for a in 0..<d {
        var z = 0.0
        for b in 0...a {
          let u = precisionFactors[j * d * d + b * d + a]
          if u != 0 { z += u * (matrix[i, b] - means[j, b]) }
        }
        sum += z * z
      }
      return constants[j] - 0.5 * sum
    }
  }

  /// The most probable segment of row `i` (ties → lowest) and its posterior probability, or `nil` when the row
  /// has a missing (NaN) value.
  /// - Complexity: O(k × d²).
  public func segment(ofRow i: Int, in matrix: FeatureMatrix) -> (segment: Int, probability: Double)? {
    let densities = logDensities(ofRow: i, in: matrix)
    if densities.contains(where: \.isNaN) { return nil }
    var best = 0
    for j in 1..<k where densities[j] > densities[best] { best = j }
    let total = densities.reduce(0.0) { $0 + exp($1 - densities[best]) }
    return (best, 1 / total)
  }

  /// The same mixture with its components in `order` (new segment p is old component `order[p]`).
  public func renumbered(_ order: [Int]) -> MixtureRule {
    let d = means.columns
    let covariances: ContiguousArray<Double> =
      switch covarianceType {
      case .tied: self.covariances
      case .full: ContiguousArray(order.flatMap { self.covariances[($0 * d * d)..<(($0 + 1) * d * d)] })
      case .diag: ContiguousArray(order.flatMap { self.covariances[($0 * d)..<(($0 + 1) * d)] })
      case .spherical: ContiguousArray(order.map { self.covariances[$0] })
      }
    guard
      let rule = MixtureRule(
        covarianceType: covarianceType, weights: order.map { weights[$0] }, means: means.selectingRows(order),
        covariances: covariances)
    else { preconditionFailure("a permutation of a positive definite mixture stays positive definite") }
    return rule
  }
}
