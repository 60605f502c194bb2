import SegmentaCore

extension CommandContext {
  /// The metrics of variant `name`, computed once and cached in the workspace.
  ///
  /// Indices that are undefined for the variant (k < 2, k ≥ n) are `nil`, never an error, so `compare` can show
  /// a grouping with one level next to real segmentations.
  mutating func metrics(of name: String) throws(SessionError) -> VariantMetrics {
    let variant = try workspace.variant(named: name)
    if let cached = variant.metrics { return cached }
    let x = variant.features.matrix
    let labels = variant.result.labels
    let execution = execution
    let defined = variant.result.k >= 2 && variant.result.k < x.rows - variant.noiseCount
    func optional(_ body: () throws(SegmentaError) -> Double) throws(SessionError) -> Double? {
      guard defined else { return nil }
      do { return try body() } catch .interrupted { throw .failed(.interrupted) } catch { return nil }
    }
    let metrics = VariantMetrics(
      withinSS: ClusterMetrics.withinSumOfSquares(x, labels: labels),
      silhouette: try optional { () throws(SegmentaError) in
        try ClusterMetrics.silhouette(x, labels: labels, context: execution)
      },
      calinskiHarabasz: try optional { () throws(SegmentaError) in
        try ClusterMetrics.calinskiHarabasz(x, labels: labels)
      },
      daviesBouldin: try optional { () throws(SegmentaError) in try ClusterMetrics.daviesBouldin(x, labels: labels) })
    workspace.cacheMetrics(metrics, for: name)
    return metrics
  }
}
