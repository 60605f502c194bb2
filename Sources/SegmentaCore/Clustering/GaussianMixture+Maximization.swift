import Foundation

/// The M-step: weights, means and covariances from responsibilities (scikit-learn's
/// `_estimate_gaussian_parameters`), then the Cholesky factors the E-step needs.
extension GaussianMixture {
  /// One chunk's first moments: Σᵢ rᵢⱼ (k) and Σᵢ rᵢⱼ xᵢ (k × d).
  private struct Moments: Sendable {
    var counts: ContiguousArray<Double>
    var sums: ContiguousArray<Double>
  }

  /// Estimates the parameters from responsibilities (n × k).
  ///
  /// nⱼ = Σᵢ rᵢⱼ + 10 ε (scikit-learn's guard against empty components), μⱼ = Σᵢ rᵢⱼ xᵢ / nⱼ, covariances from
  /// the scatter around the new means divided by nⱼ (tied: by Σnⱼ) with `reg_covar` added to the diagonal;
  /// spherical is the mean of the diagonal. Weights are nⱼ / n for a start (`weightsOverRows`, scikit-learn's
  /// `_initialize`) and nⱼ / Σnⱼ in EM iterations.
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` when a covariance has no Cholesky factor.
  /// - Complexity: O(n × k × d²) time for full and tied, O(n × k × d) for diag and spherical, plus O(k × d³);
  ///   O(chunks × k × d²) memory.
  func maximization(
    _ data: FeatureMatrix, responsibilities: ContiguousArray<Double>, weightsOverRows: Bool,
    context: ExecutionContext
  ) throws(SegmentaError) -> Parameters {
    let d = data.columns
    let moments = Self.firstMoments(data, responsibilities: responsibilities, k: k, context: context)
    let counts = ContiguousArray(moments.counts.map { $0 + 10 * Double.ulpOfOne })
    var means = moments.sums
    for j in 0..<k {
      for a in 0..<d { means[j * d + a] /= counts[j] }
    }
    let scatter = Self.scatter(
      data, responsibilities: responsibilities, means: means, k: k, type: covarianceType, context: context)
    let covariances = Self.covariances(
      scatter: scatter, counts: counts, columns: d, type: covarianceType, regularization: regularization)
    let total = weightsOverRows ? Double(data.rows) : counts.reduce(0, +)
    guard
      let (factors, logDeterminants) = Self.factorize(covariances, k: k, columns: d, type: covarianceType)
    else { throw singularCovariance() }
    return Parameters(
      weights: ContiguousArray(counts.map { $0 / total }), means: means, covariances: covariances, factors: factors,
      logDeterminants: logDeterminants)
  }

  /// Σᵢ rᵢⱼ and Σᵢ rᵢⱼ xᵢ, chunk partial sums added in chunk order.
  private static func firstMoments(
    _ data: FeatureMatrix, responsibilities: ContiguousArray<Double>, k: Int, context: ExecutionContext
  ) -> Moments {
    let d = data.columns
    let parts = context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
      var part = Moments(
        counts: ContiguousArray(repeating: 0, count: k), sums: ContiguousArray(repeating: 0, count: k * d))
      data.values.withUnsafeBufferPointer { x in
        responsibilities.withUnsafeBufferPointer { r in
          part.counts.withUnsafeMutableBufferPointer { counts in
            part.sums.withUnsafeMutableBufferPointer { sums in
              for i in range {
                for j in 0..<k {
                  let weight = r[i * k + j]
                  counts[j] += weight
                  for a in 0..<d { sums[j * d + a] += weight * x[i * d + a] }
                }
              }
            }
          }
        }
      }
      return part
    }
    var total = Moments(
      counts: ContiguousArray(repeating: 0, count: k), sums: ContiguousArray(repeating: 0, count: k * d))
    for part in parts {
      for j in 0..<k { total.counts[j] += part.counts[j] }
      for index in 0..<(k * d) { total.sums[index] += part.sums[index] }
    }
    return total
  }

  /// Weighted scatter around the means: full Σᵢ rᵢⱼ (xᵢ − μⱼ)(xᵢ − μⱼ)ᵀ per component (k × d × d, lower triangle
  /// only), tied the same summed over components (d × d), diag and spherical Σᵢ rᵢⱼ (xᵢ − μⱼ)² per feature (k × d).
  private static func scatter(
    _ data: FeatureMatrix, responsibilities: ContiguousArray<Double>, means: ContiguousArray<Double>, k: Int,
    type: CovarianceType, context: ExecutionContext
  ) -> ContiguousArray<Double> {
    let d = data.columns
    let size =
      switch type {
      case .full: k * d * d
      case .tied: d * d
      case .diag, .spherical: k * d
      }
    let parts = context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
      var part = ContiguousArray<Double>(repeating: 0, count: size)
      var delta = ContiguousArray<Double>(repeating: 0, count: d)
      data.values.withUnsafeBufferPointer { x in
        responsibilities.withUnsafeBufferPointer { r in
          means.withUnsafeBufferPointer { mu in
            part.withUnsafeMutableBufferPointer { s in
              delta.withUnsafeMutableBufferPointer { delta in
                for i in range {
                  for j in 0..<k {
                    let weight = r[i * k + j]
                    for a in 0..<d { delta[a] = x[i * d + a] - mu[j * d + a] }
                    switch type {
                    case .full, .tied:
                      let base = type == .full ? j * d * d : 0
                      for a in 0..<d {
                        let weighted = weight * delta[a]
                        for b in 0...a { s[base + a * d + b] += weighted * delta[b] }
                      }
                    case .diag, .spherical:
                      for a in 0..<d { s[j * d + a] += weight * delta[a] * delta[a] }
                    }
                  }
                }
              }
            }
          }
        }
      }
      return part
    }
    var total = ContiguousArray<Double>(repeating: 0, count: size)
    for part in parts {
      for index in 0..<size { total[index] += part[index] }
    }
    return total
  }

  /// Covariances in scikit-learn's layout from the scatter: divided by nⱼ (tied: Σnⱼ), symmetrised, `reg_covar`
  /// on the diagonal; spherical = mean of the regularised diagonal.
  private static func covariances(
    scatter: ContiguousArray<Double>, counts: ContiguousArray<Double>, columns d: Int, type: CovarianceType,
    regularization: Double
  ) -> ContiguousArray<Double> {
    let k = counts.count
    switch type {
    case .full, .tied:
      let blocks = type == .full ? k : 1
      var out = ContiguousArray<Double>(repeating: 0, count: blocks * d * d)
      for block in 0..<blocks {
        let divisor = type == .full ? counts[block] : counts.reduce(0, +)
        let base = block * d * d
        for a in 0..<d {
          for b in 0...a {
            let value = scatter[base + a * d + b] / divisor
            out[base + a * d + b] = value
            out[base + b * d + a] = value
          }
          out[base + a * d + a] += regularization
        }
      }
      return out
    case .diag, .spherical:
      var diagonal = scatter
      for j in 0..<k {
        for a in 0..<d { diagonal[j * d + a] = diagonal[j * d + a] / counts[j] + regularization }
      }
      guard type == .spherical else { return diagonal }
      return ContiguousArray(
        (0..<k).map { j in diagonal[(j * d)..<((j + 1) * d)].reduce(0, +) / Double(d) })
    }
  }

  /// The E-step's factors and log √det(precision) per component, or `nil` when a covariance is not positive
  /// definite (scikit-learn's `_compute_precision_cholesky` raises there).
  static func factorize(_ covariances: ContiguousArray<Double>, k: Int, columns d: Int, type: CovarianceType)
    -> (ContiguousArray<Double>, ContiguousArray<Double>)?
  {
    switch type {
    case .full, .tied:
      var factors = covariances
      var logDeterminants = ContiguousArray<Double>(repeating: 0, count: k)
      for block in 0..<(type == .full ? k : 1) {
        guard let logDiagonal = choleskyInPlace(&factors, base: block * d * d, columns: d) else { return nil }
        if type == .full {
          logDeterminants[block] = -logDiagonal
        } else {
          for j in 0..<k { logDeterminants[j] = -logDiagonal }
        }
      }
      return (factors, logDeterminants)
    case .diag, .spherical:
      guard covariances.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
      let precisions = ContiguousArray(covariances.map { 1 / $0.squareRoot() })
      let logDeterminants = ContiguousArray(
        (0..<k).map { j in
          type == .diag
            ? precisions[(j * d)..<((j + 1) * d)].reduce(0) { $0 + log($1) } : Double(d) * log(precisions[j])
        })
      return (precisions, logDeterminants)
    }
  }

  /// Replaces the symmetric d × d block at `base` by its lower Cholesky factor L (A = LLᵀ, upper triangle set to
  /// 0) and returns Σⱼ log Lⱼⱼ, or `nil` when a pivot is not positive (the matrix is not positive definite).
  ///
  /// - Complexity: O(d³).
  private static func choleskyInPlace(_ matrix: inout ContiguousArray<Double>, base: Int, columns d: Int) -> Double? {
    matrix.withUnsafeMutableBufferPointer { m in
      var logDiagonal = 0.0
      for j in 0..<d {
        var pivot = m[base + j * d + j]
        for p in 0..<j { pivot -= m[base + j * d + p] * m[base + j * d + p] }
        guard pivot > 0 && pivot.isFinite else { return nil }
        let root = pivot.squareRoot()
        m[base + j * d + j] = root
        logDiagonal += log(root)
        for i in (j + 1)..<d {
          var value = m[base + i * d + j]
          for p in 0..<j { value -= m[base + i * d + p] * m[base + j * d + p] }
          m[base + i * d + j] = value / root
        }
        for i in (j + 1)..<d { m[base + j * d + i] = 0 }
      }
      return logDiagonal
    }
  }
}
