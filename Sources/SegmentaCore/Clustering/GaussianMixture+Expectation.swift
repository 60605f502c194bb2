import Foundation

/// The E-step: Cholesky-based log-densities and log-sum-exp responsibilities, parallel over fixed row chunks.
extension GaussianMixture {
  /// Rows per chunk of parallel work; the chunk count depends on the row count only, never on threads.
  static func chunkCount(_ rows: Int) -> Int { ExecutionContext.chunkCount(for: rows, grain: 2048) }

  /// What an E-step produces.
  struct Expectation {
    /// Responsibilities (n × k, row-major; rows sum to 1).
    var responsibilities: ContiguousArray<Double>
    /// The most probable component per row (ties → lowest index).
    var labels: ContiguousArray<Int32>
    /// Σᵢ log Σⱼ wⱼ N(xᵢ | μⱼ, Σⱼ), chunk sums added in chunk order.
    var logLikelihood: Double
  }

  /// One chunk's share of an E-step.
  private struct ChunkExpectation: Sendable {
    var responsibilities: ContiguousArray<Double>
    var labels: ContiguousArray<Int32>
    var logLikelihood: Double
  }

  /// Computes log wⱼ + log N(xᵢ | μⱼ, Σⱼ) for every row and component, normalises each row with log-sum-exp
  /// (max-shifted, as SciPy's `logsumexp`) and returns exp of the normalised values.
  ///
  /// - Complexity: O(n × k × d²) time for full and tied, O(n × k × d) for diag and spherical; O(n × k) memory.
  static func expectation(
    _ data: FeatureMatrix, _ parameters: Parameters, type: CovarianceType, context: ExecutionContext
  ) -> Expectation {
    let d = data.columns
    let k = parameters.weights.count
    // log wⱼ + log √det(precisionⱼ) − d/2 · log 2π: the part of each log-density that does not depend on the row.
    let offsets = ContiguousArray(
      (0..<k).map { j in
        log(parameters.weights[j]) + parameters.logDeterminants[j] - 0.5 * Double(d) * log(2 * Double.pi)
      })
    let parts = context.mapChunks(count: data.rows, chunkCount: chunkCount(data.rows)) { _, range in
      var part = ChunkExpectation(
        responsibilities: ContiguousArray(repeating: 0, count: range.count * k),
        labels: ContiguousArray(repeating: 0, count: range.count), logLikelihood: 0)
      var scratch = ContiguousArray<Double>(repeating: 0, count: d)
      data.values.withUnsafeBufferPointer { x in
        parameters.means.withUnsafeBufferPointer { means in
          parameters.factors.withUnsafeBufferPointer { factors in
            offsets.withUnsafeBufferPointer { offsets in
              part.responsibilities.withUnsafeMutableBufferPointer { out in
                scratch.withUnsafeMutableBufferPointer { z in
                  for i in range {
                    let row = (i - range.lowerBound) * k
                    for j in 0..<k {
                      let distance = mahalanobis(
                        x, row: i, means: means, factors: factors, component: j, type: type, columns: d, scratch: z)
                      out[row + j] = offsets[j] - 0.5 * distance
                    }
                    let (label, logNorm) = normalize(out, from: row, count: k)
                    part.labels[i - range.lowerBound] = Int32(label)
                    part.logLikelihood += logNorm
                  }
                }
              }
            }
          }
        }
      }
      return part
    }
    var total = Expectation(responsibilities: [], labels: [], logLikelihood: 0)
    total.responsibilities.reserveCapacity(data.rows * k)
    total.labels.reserveCapacity(data.rows)
    for part in parts {
      total.responsibilities.append(contentsOf: part.responsibilities)
      total.labels.append(contentsOf: part.labels)
      total.logLikelihood += part.logLikelihood
    }
    return total
  }

  /// (x − μⱼ)ᵀ Σⱼ⁻¹ (x − μⱼ) for row `i`: ‖L⁻¹(x − μ)‖² by forward substitution for full and tied (L the lower
  /// Cholesky factor), Σ((x − μ)/σ)² for diag and spherical.
  @inline(__always)
  private static func mahalanobis(
    _ x: UnsafeBufferPointer<Double>, row i: Int, means: UnsafeBufferPointer<Double>,
    factors: UnsafeBufferPointer<Double>, component j: Int, type: CovarianceType, columns d: Int,
    scratch z: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    var sum = 0.0
    switch type {
    case .full, .tied:
      let base = type == .full ? j * d * d : 0
      for a in 0..<d {
        var value = x[i * d + a] - means[j * d + a]
        for b in 0..<a { value -= factors[base + a * d + b] * z[b] }
        value /= factors[base + a * d + a]
        z[a] = value
        sum += value * value
      }
    case .diag:
      for a in 0..<d {
        let value = (x[i * d + a] - means[j * d + a]) * factors[j * d + a]
        sum += value * value
      }
    case .spherical:
      for a in 0..<d {
        let delta = x[i * d + a] - means[j * d + a]
        sum += delta * delta
      }
      sum *= factors[j] * factors[j]
    }
    return sum
  }

  /// Replaces the k log-probabilities at `from` by their normalised exponentials exp(vⱼ − max) / Σ exp(v − max)
  /// (one `exp` per value); returns the arg-max (lowest index on ties) and log Σ exp (the row's log-likelihood).
  @inline(__always)
  private static func normalize(_ values: UnsafeMutableBufferPointer<Double>, from start: Int, count k: Int)
    -> (label: Int, logNorm: Double)
  {
    var label = 0
    for j in 1..<k where values[start + j] > values[start + label] { label = j }
    let largest = values[start + label]
    var sum = 0.0
    for j in 0..<k {
      let shifted = exp(values[start + j] - largest)
      values[start + j] = shifted
      sum += shifted
    }
    let inverse = 1 / sum
    for j in 0..<k { values[start + j] *= inverse }
    return (label, largest + log(sum))
  }
}
