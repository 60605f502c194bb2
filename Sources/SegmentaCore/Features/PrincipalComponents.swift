/// Principal components of a feature matrix (Pearson 1901; Hotelling 1933), as scikit-learn's `PCA`: the
/// eigenvectors of the sample covariance (divisor n − 1), by decreasing variance, each with its largest absolute
/// loading positive (scikit-learn's `svd_flip` convention, so projections agree in sign).
///
/// Used to draw segments in two dimensions and to build the gap statistic's reference box. The eigenvectors come
/// from the cyclic Jacobi method on the d × d covariance, accurate to rounding for the few features segmentation
/// uses.
public struct PrincipalComponents: Sendable, Equatable {
  /// Column means of the data.
  public let mean: [Double]
  /// Components as rows (d × d): row i is the i-th direction, as scikit-learn's `components_`.
  public let components: FeatureMatrix
  /// Variance along each component (divisor n − 1), decreasing.
  public let explainedVariance: [Double]

  /// Each component's share of the total variance.
  public var explainedVarianceRatio: [Double] {
    let total = explainedVariance.reduce(0, +)
    return explainedVariance.map { total > 0 ? $0 / total : 0 }
  }

  /// Fits the components of `data`.
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` for fewer than 2 rows or no columns.
  /// - Complexity: O(n × d²) for the covariance, O(d³) per Jacobi sweep (a handful of sweeps).
  public init(_ data: FeatureMatrix) throws(SegmentaError) {
    let n = data.rows
    let d = data.columns
    guard n >= 2, d >= 1 else {
      throw .insufficientData("principal components need at least 2 rows and 1 feature, got \(n) × \(d)")
    }
    var mean = [Double](repeating: 0, count: d)
    var covariance = [Double](repeating: 0, count: d * d)
    data.values.withUnsafeBufferPointer { x in
      for i in 0..<n { for j in 0..<d { mean[j] += x[i * d + j] } }
      for j in 0..<d { mean[j] /= Double(n) }
      for i in 0..<n {
        for a in 0..<d {
          let u = x[i * d + a] - mean[a]
          for b in a..<d { covariance[a * d + b] += u * (x[i * d + b] - mean[b]) }
        }
      }
    }
    for a in 0..<d {
      for b in a..<d {
        covariance[a * d + b] /= Double(n - 1)
        covariance[b * d + a] = covariance[a * d + b]
      }
    }
    let (values, vectors) = Self.jacobiEigen(covariance, size: d)
    let order = (0..<d).sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
    var rows = ContiguousArray<Double>(repeating: 0, count: d * d)
    for (r, c) in order.enumerated() {
      var largest = 0
      for j in 0..<d where abs(vectors[j * d + c]) > abs(vectors[largest * d + c]) { largest = j }
      let sign: Double = vectors[largest * d + c] < 0 ? -1 : 1
      for j in 0..<d { rows[r * d + j] = sign * vectors[j * d + c] }
    }
    self.mean = mean
    self.components = FeatureMatrix(rows: d, columns: d, names: data.names, values: rows)
    self.explainedVariance = order.map { max(0, values[$0]) }
  }

  /// The rows of `data` in component coordinates, keeping the first `dimensions` (named `PC1`, `PC2`, …).
  ///
  /// - Complexity: O(n × d × dimensions).
  public func project(_ data: FeatureMatrix, dimensions: Int) -> FeatureMatrix {
    precondition(data.columns == mean.count, "project data with the fitted features")
    let d = data.columns
    let m = min(dimensions, d)
    var out = ContiguousArray<Double>(repeating: 0, count: data.rows * m)
    data.values.withUnsafeBufferPointer { x in
      components.values.withUnsafeBufferPointer { v in
        for i in 0..<data.rows {
          for c in 0..<m {
            var sum = 0.0
            for j in 0..<d { sum += (x[i * d + j] - mean[j]) * v[c * d + j] }
            out[i * m + c] = sum
          }
        }
      }
    }
    return FeatureMatrix(rows: data.rows, columns: m, names: (0..<m).map { "PC\($0 + 1)" }, values: out)
  }

  /// Eigenvalues and eigenvectors (as columns, row-major d × d) of a symmetric matrix by cyclic Jacobi rotations
  /// (Golub & Van Loan, "Matrix Computations", §8.5), until the off-diagonal mass is negligible.
  static func jacobiEigen(_ matrix: [Double], size d: Int) -> (values: [Double], vectors: [Double]) {
    var a = matrix
    var v = [Double](repeating: 0, count: d * d)
    for i in 0..<d { v[i * d + i] = 1 }
    let scale = a.reduce(0) { $0 + $1 * $1 }
    for _ in 0..<100 {
      var off = 0.0
      for p in 0..<d { for q in 0..<d where p != q { off += a[p * d + q] * a[p * d + q] } }
      if off <= scale * 1e-30 || off == 0 { break }
      for p in 0..<d {
        for q in (p + 1)..<d where a[p * d + q] != 0 {
          let theta = (a[q * d + q] - a[p * d + p]) / (2 * a[p * d + q])
          let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<d {
            let akp = a[k * d + p]
            let akq = a[k * d + q]
            a[k * d + p] = c * akp - s * akq
            a[k * d + q] = s * akp + c * akq
          }
          for k in 0..<d {
            let apk = a[p * d + k]
            let aqk = a[q * d + k]
            a[p * d + k] = c * apk - s * aqk
            a[q * d + k] = s * apk + c * aqk
          }
          for k in 0..<d {
            let vkp = v[k * d + p]
            let vkq = v[k * d + q]
            v[k * d + p] = c * vkp - s * vkq
            v[k * d + q] = s * vkp + c * vkq
          }
        }
      }
    }
    return ((0..<d).map { a[$0 * d + $0] }, v)
  }
}
