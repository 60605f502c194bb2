extension FeatureMatrix {
  /// Throws unless every value is finite: NaN is reported as missing values per column (the way out is imputing
  /// or dropping), ±∞ as unusable data.
  ///
  /// - Parameter method: the computation, as the message names it (e.g. `hierarchical clustering`).
  /// - Throws: ``SegmentaError/missingValues(counts:)`` or ``SegmentaError/insufficientData(_:)``.
  /// - Complexity: O(n × d).
  public func requireFinite(for method: String) throws(SegmentaError) {
    guard values.contains(where: { !$0.isFinite }) else { return }
    var missing = [Int](repeating: 0, count: columns)
    for (index, value) in values.enumerated() where value.isNaN { missing[index % columns] += 1 }
    let counts = (0..<columns).filter { missing[$0] > 0 }.map {
      SegmentaError.MissingCount(column: names[$0], missing: missing[$0], rows: rows)
    }
    if !counts.isEmpty { throw .missingValues(counts: counts) }
    throw .insufficientData("\(method) needs finite values but the features contain ±infinity: transform or drop them")
  }
}
