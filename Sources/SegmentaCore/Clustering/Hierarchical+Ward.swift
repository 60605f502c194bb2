/// Ward's linkage by the nearest-neighbour chain on centroids (Müllner 2011, §3.2, fastcluster's vector variant):
/// no distance matrix, only the centroid and size of every cluster.
extension Hierarchical {
  /// Builds Ward's tree with ``nearestNeighbourChain(rows:context:nearest:dissimilarity:merge:)`` over
  /// ``WardCentroids``.
  ///
  /// Clusters are compared by ΔSSE = nₐn_b/(nₐ+n_b)‖cₐ−c_b‖², the merge height is √(2·ΔSSE), and the merged
  /// centroid is the size-weighted mean. Ward's criterion is reducible, so the chain applies.
  ///
  /// Differences of centroids lose relative precision when two clusters are close compared with their distance
  /// from the origin (unscaled features with large offsets), which SciPy's Lance–Williams recurrence on distances
  /// does not; on centred or scaled features the two agree to rounding.
  ///
  /// - Complexity: O(n² × d) time (O(n) scans of O(n × d), split into chunks, four candidates per vector
  ///   operation); O(n × d) memory.
  static func wardChain(_ data: FeatureMatrix, context: ExecutionContext) throws(SegmentaError)
    -> ContiguousArray<RawMerge>
  {
    var store = WardCentroids(data)
    defer { store.deallocate() }
    return try nearestNeighbourChain(
      rows: data.rows, context: context,
      nearest: { x, _ in store.nearest(to: x, context: context) },
      dissimilarity: { a, b in store.increase(a, b) },
      merge: { low, high, value, _ in
        store.merge(low, into: high)
        return (2 * value).squareRoot()
      })
  }
}
