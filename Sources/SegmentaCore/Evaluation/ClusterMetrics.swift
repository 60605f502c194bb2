/// Internal validity indices, matching scikit-learn's definitions (NUMERICS.md).
///
/// Rows labelled −1 (noise) are excluded from every index, as if they were not in the data; scikit-learn would
/// treat −1 as one more cluster. Labels need not be `0..<k`: any non-negative values name segments.
/// `labels.count` must equal `data.rows` (a programmer error otherwise).
public enum ClusterMetrics {
  /// Mean silhouette coefficient (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and
  /// validation of cluster analysis", J. Comput. Appl. Math. 20) over the non-noise rows.
  ///
  /// Exact, streamed: per row, distance sums to each segment are accumulated without an n × n matrix.
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` unless 2 ≤ k ≤ n − 1 (n without noise);
  ///   ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: O(n² × d) time, O(n + chunks × k) memory; parallel over fixed row chunks.
  public static func silhouette(
    _ data: FeatureMatrix, labels: ContiguousArray<Int32>, context: ExecutionContext
  ) throws(SegmentaError) -> Double {
    precondition(labels.count == data.rows, "one label per row")
    let coding = SegmentCoding(labels)
    try coding.requireSegmentRange(for: "silhouette")
    let samples = try streamedSilhouette(data, coding: coding, context: context)
    var sum = 0.0
    for i in 0..<data.rows where coding.codes[i] >= 0 { sum += samples[i] }
    return sum / Double(coding.members)
  }

  /// Per-row silhouette values s(i) = (b − a) / max(a, b) (Rousseeuw 1987): a(i) is the mean distance to the
  /// other rows of its segment, b(i) the lowest mean distance to another segment; 0 for a row alone in its
  /// segment (and where a = b = 0); NaN for noise rows.
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` unless 2 ≤ k ≤ n − 1 (n without noise);
  ///   ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: O(n² × d) time, O(n + chunks × k) memory; parallel over fixed row chunks.
  public static func silhouetteSamples(
    _ data: FeatureMatrix, labels: ContiguousArray<Int32>, context: ExecutionContext
  ) throws(SegmentaError) -> ContiguousArray<Double> {
    precondition(labels.count == data.rows, "one label per row")
    let coding = SegmentCoding(labels)
    try coding.requireSegmentRange(for: "silhouette")
    return try streamedSilhouette(data, coding: coding, context: context)
  }

  /// Calinski–Harabasz index (Caliński & Harabasz 1974, "A dendrite method for cluster analysis",
  /// Commun. Stat. 3): [Σ nₖ‖cₖ − c̄‖² / (k − 1)] / [Σ‖x − c(x)‖² / (n − k)]; higher is better. 1 when every
  /// row sits on its segment mean, as scikit-learn.
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` unless 2 ≤ k ≤ n − 1 (n without noise).
  /// - Complexity: O(n × d).
  public static func calinskiHarabasz(_ data: FeatureMatrix, labels: ContiguousArray<Int32>) throws(SegmentaError)
    -> Double
  {
    precondition(labels.count == data.rows, "one label per row")
    let coding = SegmentCoding(labels)
    try coding.requireSegmentRange(for: "Calinski–Harabasz")
    let means = coding.means(data)
    let d = data.columns
    var grand = [Double](repeating: 0, count: d)
    for c in 0..<coding.k {
      for j in 0..<d { grand[j] += Double(coding.sizes[c]) * means[c * d + j] }
    }
    for j in 0..<d { grand[j] /= Double(coding.members) }
    var between = 0.0
    for c in 0..<coding.k {
      var squared = 0.0
      for j in 0..<d {
        let delta = means[c * d + j] - grand[j]
        squared += delta * delta
      }
      between += Double(coding.sizes[c]) * squared
    }
    let within = withinSquares(data, coding: coding, means: means)
    if within == 0 { return 1 }
    return between * Double(coding.members - coding.k) / (within * Double(coding.k - 1))
  }

  /// Davies–Bouldin index (Davies & Bouldin 1979, "A cluster separation measure", IEEE TPAMI 1(2)): the mean
  /// over segments of maxₗ (sₖ + sₗ) / d(cₖ, cₗ), sₖ the mean (not squared) distance to the centroid; lower is
  /// better. As scikit-learn: a pair with coincident centroids contributes 0, and the index is 0 when all sₖ or
  /// all centroid distances are within 1e-8 of 0.
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` unless 2 ≤ k ≤ n − 1 (n without noise).
  /// - Complexity: O(n × d + k² × d).
  public static func daviesBouldin(_ data: FeatureMatrix, labels: ContiguousArray<Int32>) throws(SegmentaError)
    -> Double
  {
    precondition(labels.count == data.rows, "one label per row")
    let coding = SegmentCoding(labels)
    try coding.requireSegmentRange(for: "Davies–Bouldin")
    return daviesBouldin(data, coding: coding, means: coding.means(data))
  }

  /// Within-segment sum of squared Euclidean distances to each segment's mean (noise excluded; 0 without
  /// segments).
  ///
  /// - Complexity: O(n × d).
  public static func withinSumOfSquares(_ data: FeatureMatrix, labels: ContiguousArray<Int32>) -> Double {
    precondition(labels.count == data.rows, "one label per row")
    let coding = SegmentCoding(labels)
    return withinSquares(data, coding: coding, means: coding.means(data))
  }

  /// Per-segment means (k × d, named as `data`) for labels `0..<k`; noise rows are ignored and a segment
  /// without rows gets NaN coordinates (the mean of nothing).
  ///
  /// - Complexity: O(n × d).
  public static func centroids(_ data: FeatureMatrix, labels: ContiguousArray<Int32>, k: Int) -> FeatureMatrix {
    precondition(labels.count == data.rows, "one label per row")
    let d = data.columns
    var sums = ContiguousArray<Double>(repeating: 0, count: k * d)
    var sizes = [Int](repeating: 0, count: k)
    data.values.withUnsafeBufferPointer { x in
      for i in 0..<data.rows where labels[i] >= 0 {
        let c = Int(labels[i])
        precondition(c < k, "label \(c) outside 0..<\(k)")
        sizes[c] += 1
        for j in 0..<d { sums[c * d + j] += x[i * d + j] }
      }
    }
    for c in 0..<k {
      for j in 0..<d { sums[c * d + j] = sizes[c] > 0 ? sums[c * d + j] / Double(sizes[c]) : .nan }
    }
    return FeatureMatrix(rows: k, columns: d, names: data.names, values: sums)
  }
}
