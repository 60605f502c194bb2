/// Checks of a k-prototypes configuration against the data, with messages that say what to change.
extension KPrototypes {
  func validate(_ data: FeatureMatrix) throws(SegmentaError) {
    if k < 1 { throw .invalidParameter(name: "k", value: String(k), expected: "k ≥ 1") }
    if data.rows == 0 { throw .insufficientData("k-prototypes needs at least one row; the feature set is empty") }
    if data.columns == 0 {
      throw .insufficientData("k-prototypes needs at least one numeric feature; select some (or use k-modes)")
    }
    if categorical.columns == 0 {
      throw .insufficientData("k-prototypes needs at least one categorical column (without one, use kmeans)")
    }
    if categorical.rows != data.rows {
      throw .insufficientData(
        "the categorical columns describe \(categorical.rows) rows but the features \(data.rows)")
    }
    if k > data.rows {
      throw .insufficientData("k=\(k) but only \(data.rows) rows: choose k ≤ \(data.rows) or add data")
    }
    if nInit < 1 { throw .invalidParameter(name: "n_init", value: String(nInit), expected: "n_init ≥ 1") }
    if maxIterations < 1 {
      throw .invalidParameter(name: "max_iter", value: String(maxIterations), expected: "max_iter ≥ 1")
    }
    if case .value(let v) = gamma, !(v >= 0 && v.isFinite) {
      throw .invalidParameter(name: "gamma", value: String(v), expected: "auto or a finite number ≥ 0")
    }
    try validateValues(data)
    if case .explicit(let centres, let modes) = initialization { try validateStart(centres, modes, data) }
  }

  /// Features must be finite; categorical columns complete (a mismatch with a missing value has no meaning here).
  private func validateValues(_ data: FeatureMatrix) throws(SegmentaError) {
    try data.requireFinite(for: "k-prototypes")
    let gaps = zip(categorical.names, categorical.missingCounts).filter { $0.1 > 0 }
    if !gaps.isEmpty {
      throw .insufficientData(
        "k-prototypes needs a value in every categorical column, but "
          + gaps.map { "\($0.0) has \($0.1) missing" }.joined(separator: ", ")
          + "; use `run kmedoids metric=gower`, which leaves missing values out")
    }
  }

  /// Given prototypes: k × d finite centres and k × q valid codes.
  private func validateStart(_ centres: FeatureMatrix, _ modes: ContiguousArray<Int32>, _ data: FeatureMatrix)
    throws(SegmentaError)
  {
    if centres.rows != k || centres.columns != data.columns || modes.count != k * categorical.columns {
      throw .invalidParameter(
        name: "init", value: "\(centres.rows)×\(centres.columns) centres and \(modes.count) modes",
        expected: "k × d = \(k)×\(data.columns) centres and k × q = \(k * categorical.columns) mode codes")
    }
    if centres.values.contains(where: { !$0.isFinite }) {
      throw .invalidParameter(name: "init", value: "non-finite centre", expected: "finite centre coordinates")
    }
    for (index, code) in modes.enumerated()
    where code < 0 || Int(code) >= categorical.levels[index % categorical.columns].count {
      throw .invalidParameter(
        name: "init", value: "mode code \(code)", expected: "codes of existing levels (0 ≤ code < levels)")
    }
  }
}
