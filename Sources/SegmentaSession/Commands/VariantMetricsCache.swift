import SegmentaCore

extension CommandContext {
  /// Above this many rows (noise excluded) the Dunn index, which compares every pair of rows, is not computed.
  static let dunnRowLimit = 50_000

  /// The metrics of variant `name`, computed once and cached in the workspace.
  ///
  /// Indices that are undefined for the variant (k < 2, k ≥ n) are `nil`, never an error, so `compare` can show
  /// a grouping with one level next to real segmentations. The silhouette follows `policy`: when it calls for a
  /// sample, the silhouette is estimated from a stratified sample (seeded by `set seed`) and the result is not
  /// cached; exact results are cached and also answer ``SilhouettePolicy/automatic`` (an explicit sample is drawn
  /// anyway).
  mutating func metrics(of name: String, silhouette policy: SilhouettePolicy = .exact) throws(SessionError)
    -> VariantMetrics
  {
    let variant = try workspace.variant(named: name)
    let explicitSample = if case .sample = policy { true } else { false }
    if let cached = variant.metrics, !explicitSample { return cached }
    let x = variant.features.matrix
    let labels = variant.result.labels
    let execution = execution
    let defined = variant.result.k >= 2 && variant.result.k < x.rows - variant.noiseCount
    func optional<T>(_ body: () throws(SegmentaError) -> T) throws(SessionError) -> T? {
      guard defined else { return nil }
      do { return try body() } catch .insufficientData { return nil } catch { throw .failed(error) }
    }
    var rng = SeededRandom(seed: settings.seed)
    let summary = try optional { () throws(SegmentaError) in
      try SilhouetteSummary(
        x, labels: labels, sampleSize: policy.sampleSize(members: x.rows - variant.noiseCount), rng: &rng,
        context: execution)
    }
    let metrics = VariantMetrics(
      withinSS: ClusterMetrics.withinSumOfSquares(x, labels: labels),
      silhouette: summary?.mean,
      calinskiHarabasz: try optional { () throws(SegmentaError) in
        try ClusterMetrics.calinskiHarabasz(x, labels: labels)
      },
      daviesBouldin: try optional { () throws(SegmentaError) in try ClusterMetrics.daviesBouldin(x, labels: labels) },
      dunn: x.rows - variant.noiseCount > Self.dunnRowLimit
        ? nil
        : try optional { () throws(SegmentaError) in
          try ClusterMetrics.dunnIndex(x, labels: labels, context: execution)
        },
      silhouetteSummary: summary)
    if summary?.isExact ?? true { workspace.cacheMetrics(metrics, for: name) }
    return metrics
  }
}
