/// Customers described by numeric and categorical variables at once, with gaps: what Gower's dissimilarity reads.
///
/// Numeric columns are interval-scaled (an ordinal variable goes here as integer codes 0, 1, 2, … in its order,
/// as R's `daisy` treats ordered factors); a missing number is NaN. Categorical columns are nominal codes, `-1`
/// marking a missing value. Every variable has a weight (numeric columns first, then categorical ones).
public struct MixedData: Sendable, Equatable {
  /// Interval (and integer-coded ordinal) variables; NaN = missing.
  public let numeric: FeatureMatrix
  /// Nominal variables; `-1` = missing.
  public let categorical: CategoricalMatrix
  /// One weight ≥ 0 per variable: `numeric.columns` numeric weights, then `categorical.columns` categorical ones.
  public let weights: [Double]

  /// Number of observations.
  public var rows: Int { numeric.rows }

  /// Combines numeric and categorical columns of the same rows.
  ///
  /// - Parameter weights: one finite weight ≥ 0 per variable (numeric first); `nil` weighs every variable 1.
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` when the weights do not fit,
  ///   ``SegmentaError/insufficientData(_:)`` when the two parts describe different row counts or there is no
  ///   variable at all.
  public init(numeric: FeatureMatrix, categorical: CategoricalMatrix, weights: [Double]? = nil) throws(SegmentaError) {
    let variables = numeric.columns + categorical.columns
    if numeric.rows != categorical.rows {
      throw .insufficientData(
        "numeric and categorical columns describe different rows (\(numeric.rows) vs \(categorical.rows))")
    }
    if variables == 0 { throw .insufficientData("no variables: select features or categorical columns") }
    let weights = weights ?? [Double](repeating: 1, count: variables)
    if weights.count != variables {
      throw .invalidParameter(
        name: "weights", value: "\(weights.count) values", expected: "one weight per variable (\(variables))")
    }
    if let bad = weights.first(where: { !($0 >= 0 && $0.isFinite) }) {
      throw .invalidParameter(name: "weights", value: String(bad), expected: "finite weights ≥ 0")
    }
    self.numeric = numeric
    self.categorical = categorical
    self.weights = weights
  }
}
