/// Input checks shared by the density methods (DBSCAN, HDBSCAN, the k-distance curve).
enum DensityInput {
  /// Requires at least one row and one feature and finite values, with messages naming `method`.
  ///
  /// - Throws: ``SegmentaError/missingValues(counts:)`` for NaN (per column),
  ///   ``SegmentaError/insufficientData(_:)`` for an empty matrix or ±∞.
  static func validate(_ data: FeatureMatrix, method: String) throws(SegmentaError) {
    if data.rows == 0 { throw .insufficientData("\(method) needs at least one row; the feature set is empty") }
    if data.columns == 0 { throw .insufficientData("\(method) needs at least one feature; select some columns") }
    guard data.values.contains(where: { !$0.isFinite }) else { return }
    var missing = [Int](repeating: 0, count: data.columns)
    for (index, value) in data.values.enumerated() where value.isNaN { missing[index % data.columns] += 1 }
    let counts = (0..<data.columns).filter { missing[$0] > 0 }.map {
      SegmentaError.MissingCount(column: data.names[$0], missing: missing[$0], rows: data.rows)
    }
    if !counts.isEmpty { throw .missingValues(counts: counts) }
    throw .insufficientData("\(method) needs finite values but the features contain ±infinity: transform or drop them")
  }
}
