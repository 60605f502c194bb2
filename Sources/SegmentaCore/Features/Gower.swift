/// Gower's general dissimilarity for mixed numeric and categorical data with gaps, with the conventions of R's
/// `cluster::daisy(x, metric = "gower", weights = w)`.
///
/// J. C. Gower, "A general coefficient of similarity and some of its properties", Biometrics 27 (1971) 857–871;
/// as implemented by `daisy` (Kaufman & Rousseeuw 1990, ch. 1; R package `cluster`):
///
/// - every numeric column is first scaled to (x − min) / (max − min) over its present values (a constant column
///   gets range 1), then contributes |xᵢ − xⱼ| — interval variables, and ordinal ones as integer codes;
/// - a categorical column contributes 0 when the two codes are equal and 1 otherwise (nominal);
/// - a variable missing in either row is left out of both sums:
///   d(i, j) = Σᵥ wᵥ δᵢⱼᵥ dᵢⱼᵥ / Σᵥ wᵥ δᵢⱼᵥ, variables summed in order, numeric ones first.
///
/// Scaling uses all rows of the data, so a sample's dissimilarities (CLARA) are those of the full data.
/// A pair that shares no present variable of positive weight has no dissimilarity: NaN (daisy's NA).
public struct GowerDissimilarity: Sendable {
  /// Number of rows.
  public let rows: Int
  let numericColumns: Int
  let categoricalColumns: Int
  /// Range-scaled numeric values (rows × numericColumns), NaN = missing.
  let scaled: ContiguousArray<Double>
  /// Categorical codes (rows × categoricalColumns), −1 = missing.
  let codes: ContiguousArray<Int32>
  /// Weights, numeric first.
  let weights: ContiguousArray<Double>

  /// Prepares `data`: finds each numeric column's range and scales it.
  ///
  /// - Complexity: O(rows × numeric columns).
  public init(_ data: MixedData) {
    let n = data.rows
    let p = data.numeric.columns
    var scaled = data.numeric.values
    scaled.withUnsafeMutableBufferPointer { x in
      for j in 0..<p {
        var low = Double.infinity
        var high = -Double.infinity
        for i in 0..<n where !x[i * p + j].isNaN {
          low = Swift.min(low, x[i * p + j])
          high = Swift.max(high, x[i * p + j])
        }
        let range = high - low
        let divisor = range > 0 && range.isFinite ? range : 1
        for i in 0..<n { x[i * p + j] = (x[i * p + j] - low) / divisor }
      }
    }
    self.rows = n
    self.numericColumns = p
    self.categoricalColumns = data.categorical.columns
    self.scaled = scaled
    self.codes = data.categorical.codes
    self.weights = ContiguousArray(data.weights)
  }

  /// The dissimilarity of rows `i` and `j`, in [0, 1]; NaN when they share no present variable.
  ///
  /// - Complexity: O(variables).
  public subscript(i: Int, j: Int) -> Double {
    scaled.withUnsafeBufferPointer { x in
      codes.withUnsafeBufferPointer { c in
        weights.withUnsafeBufferPointer { w in Self.pair(i, j, x, c, w, numericColumns, categoricalColumns) }
      }
    }
  }

  /// All n × n dissimilarities.
  ///
  /// - Complexity: O(n² × variables) time, parallel over row chunks; O(n²) memory.
  public func matrix(context: ExecutionContext) -> DissimilarityMatrix {
    RowMetric.gower(self).matrix(of: Array(0..<rows), context: context)
  }

  /// The kernel: Σ w·δ·d / Σ w·δ over numeric then categorical variables, in column order.
  @inline(__always)
  static func pair(
    _ i: Int, _ j: Int, _ x: UnsafeBufferPointer<Double>, _ c: UnsafeBufferPointer<Int32>,
    _ w: UnsafeBufferPointer<Double>, _ p: Int, _ q: Int
  ) -> Double {
    var total = 0.0
    var shared = 0.0
    for v in 0..<p {
      let a = x[i * p + v]
      let b = x[j * p + v]
      if a.isNaN || b.isNaN { continue }
      shared += w[v]
      total += w[v] * abs(a - b)
    }
    for v in 0..<q {
      let a = c[i * q + v]
      let b = c[j * q + v]
      if a < 0 || b < 0 { continue }
      shared += w[p + v]
      if a != b { total += w[p + v] }
    }
    return shared > 0 ? total / shared : .nan
  }
}
