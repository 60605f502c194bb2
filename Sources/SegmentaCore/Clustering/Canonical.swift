extension ClusteringResult {
  /// The same partition with segments renumbered canonically: by size, largest first, ties broken by the
  /// smallest row index in the segment; noise (−1) stays −1, and centroids, membership columns and the model rule
  /// follow their segments.
  ///
  /// Two fits that find the same partition under different label permutations (other seeds, other
  /// algorithms) then print identically, which is what makes transcripts replayable. Segments of `0..<k` with
  /// no rows go last, in their old order.
  ///
  /// - Complexity: O(n + k log k + k × d).
  public func canonicalized() -> ClusteringResult {
    var sizes = [Int](repeating: 0, count: k)
    var firstRow = [Int](repeating: Int.max, count: k)
    for (row, label) in labels.enumerated() where label >= 0 {
      let segment = Int(label)
      precondition(segment < k, "label \(segment) outside 0..<\(k)")
      sizes[segment] += 1
      firstRow[segment] = Swift.min(firstRow[segment], row)
    }
    let order = (0..<k).sorted { a, b in
      if sizes[a] != sizes[b] { return sizes[a] > sizes[b] }
      if firstRow[a] != firstRow[b] { return firstRow[a] < firstRow[b] }
      return a < b
    }
    var newLabel = [Int32](repeating: 0, count: k)
    for (position, segment) in order.enumerated() { newLabel[segment] = Int32(position) }
    var result = self
    result.labels = ContiguousArray(labels.lazy.map { $0 >= 0 ? newLabel[Int($0)] : $0 })
    if let centroids {
      precondition(centroids.rows == k, "one centroid per segment")
      result.centroids = centroids.selectingRows(order)
    }
    result.modelRule = modelRule?.renumbered(order)
    if let memberships {
      precondition(memberships.columns == k, "one membership column per segment")
      var permuted = ContiguousArray<Double>(repeating: 0, count: memberships.values.count)
      for i in 0..<memberships.rows {
        for (position, segment) in order.enumerated() {
          permuted[i * k + position] = memberships.values[i * k + segment]
        }
      }
      result.memberships = FeatureMatrix(
        rows: memberships.rows, columns: k, names: order.map { memberships.names[$0] }, values: permuted)
    }
    return result
  }
}
