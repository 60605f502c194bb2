/// Checks of a k-medoids configuration against the data, with messages that say what to change.
extension KMedoids {
  func validate(_ data: FeatureMatrix) throws(SegmentaError) {
    if k < 1 { throw .invalidParameter(name: "k", value: String(k), expected: "k ≥ 1") }
    if data.rows == 0 { throw .insufficientData("k-medoids needs at least one row; the feature set is empty") }
    if data.columns == 0 && (categorical?.columns ?? 0) == 0 {
      throw .insufficientData("k-medoids needs at least one feature; select some columns")
    }
    if k > data.rows {
      throw .insufficientData("k=\(k) but only \(data.rows) rows: choose k ≤ \(data.rows) or add data")
    }
    if maxIterations < 1 {
      throw .invalidParameter(name: "max_iter", value: String(maxIterations), expected: "max_iter ≥ 1")
    }
    if let categorical, metric != .gower {
      throw .invalidParameter(
        name: "categorical", value: categorical.names.joined(separator: ","),
        expected: "metric=gower (euclidean and manhattan compare the numeric features only)")
    }
    try validateMethod(rows: data.rows)
    try validateValues(data)
  }

  /// PAM's size limit and CLARA's sampling parameters.
  private func validateMethod(rows n: Int) throws(SegmentaError) {
    switch method {
    case .pam:
      guard n > Self.pamRowLimit else { return }
      let gigabytes = (Double(n) * Double(n) * 8 / 1e8).rounded() / 10
      throw .invalidParameter(
        name: "method", value: "pam",
        expected: "method=clara above \(Self.pamRowLimit) rows: PAM on \(n) rows would hold a \(n) × \(n) "
          + "dissimilarity matrix (\(gigabytes) GB) and need O(k·n²) time per swap pass; CLARA runs PAM on samples "
          + "(sampsize=, by default 40+2k rows)")
    case .clara:
      if samples < 1 { throw .invalidParameter(name: "samples", value: String(samples), expected: "samples ≥ 1") }
      if let sampleSize, sampleSize <= k {
        throw .invalidParameter(
          name: "sampsize", value: String(sampleSize), expected: "more rows per sample than k=\(k), e.g. 40+2k")
      }
    }
  }

  /// NaN is a missing value: an error for euclidean and manhattan (the way out is imputing or dropping), left out
  /// of the sums by Gower. ±∞ is unusable for every metric.
  private func validateValues(_ data: FeatureMatrix) throws(SegmentaError) {
    if metric != .gower { return try data.requireFinite(for: "k-medoids") }
    if data.values.contains(where: { $0.isInfinite }) {
      throw .insufficientData(
        "k-medoids needs finite values but the features contain ±infinity: transform or drop them")
    }
  }
}
