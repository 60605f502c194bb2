/// Refitting a configuration on resampled rows (bootstrap stability): most algorithms see only the feature matrix;
/// those with categorical columns per row subset them alike.
extension ClusteringAlgorithm {
  public var carriesRowData: Bool { false }
  public func resampled(rows: [Int]) -> Self { self }
}

extension KPrototypes {
  public var carriesRowData: Bool { true }
  public func resampled(rows: [Int]) -> KPrototypes {
    var copy = self
    copy.categorical = categorical.selectingRows(rows)
    return copy
  }
}

extension KMedoids {
  public var carriesRowData: Bool { categorical != nil }
  public func resampled(rows: [Int]) -> KMedoids {
    var copy = self
    copy.categorical = categorical?.selectingRows(rows)
    return copy
  }
}

extension CategoricalMatrix {
  /// The given rows, in that order, with the same columns and levels.
  ///
  /// - Complexity: O(rows × columns).
  public func selectingRows(_ rows: [Int]) -> CategoricalMatrix {
    var out = ContiguousArray<Int32>()
    out.reserveCapacity(rows.count * columns)
    for i in rows { out.append(contentsOf: codes[(i * columns)..<((i + 1) * columns)]) }
    return CategoricalMatrix(rows: rows.count, names: names, levels: levels, codes: out)
  }
}
