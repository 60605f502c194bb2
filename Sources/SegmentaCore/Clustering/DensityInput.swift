/// Input checks shared by the density methods (DBSCAN, HDBSCAN, the k-distance curve).
enum DensityInput {
  /// Requires at least one row and one feature and finite values, with messages naming `method`.
  ///
  /// - Throws: ``SegmentaError/missingValues(counts:)`` for NaN (per column),
  ///   ``SegmentaError/insufficientData(_:)`` for an empty matrix or ±∞.
  static func validate(_ data: FeatureMatrix, method: String) throws(SegmentaError) {
    if data.rows == 0 { throw .insufficientData("\(method) needs at least one row; the feature set is empty") }
    if data.columns == 0 { throw .insufficientData("\(method) needs at least one feature; select some columns") }
    try data.requireFinite(for: method)
  }
}
