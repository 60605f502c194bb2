/// The sorted k-distance curve for choosing DBSCAN's `eps` (Ester, Kriegel, Sander & Xu 1996, §4.2), with its knee
/// found by Kneedle (Satopää, Albrecht, Irwin & Raghavan 2011, "Finding a 'kneedle' in a haystack: detecting knee
/// points in system behavior", ICDCS Workshops).
///
/// The k-distance of a row is its Euclidean distance to its `minPoints`-th nearest row, the row itself counted, so a
/// row is a DBSCAN core point for `eps` exactly when its k-distance is at most `eps`. Sorted ascending, the curve is
/// flat over the dense rows and rises steeply over the sparse ones; the knee separates the two. Kneedle normalises
/// both axes to [0, 1] and takes the point farthest below the chord from the first to the last point, i.e. the
/// maximum of its difference curve x − y. This is the offline form without smoothing and with the global maximum
/// (the `kneed` package takes the first local maximum passing a sensitivity threshold, which on unsmoothed data often
/// is an early wiggle).
public struct KDistanceCurve: Sendable, Equatable {
  /// The neighbour counted (DBSCAN's `min_points`).
  public let minPoints: Int
  /// Every row's k-distance, ascending.
  public let distances: [Double]
  /// The position of the knee in ``distances``.
  public let kneeIndex: Int

  /// The k-distance at the knee: an `eps` that makes the rows left of the knee core points.
  public var suggestedEps: Double { distances[kneeIndex] }

  /// The number of rows whose k-distance is at most `eps` (the core points DBSCAN would find).
  public func coreCount(eps: Double) -> Int {
    var low = 0
    var high = distances.count
    while low < high {
      let mid = (low + high) / 2
      if distances[mid] <= eps { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Computes the curve of `data` for `minPoints`.
  ///
  /// - Parameters:
  ///   - data: the rows; every value must be finite.
  ///   - minPoints: which neighbour, the row itself counted: 2 ≤ minPoints ≤ rows.
  ///   - context: threads (the result does not depend on them) and cancellation.
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` for min_points outside 2…n;
  ///   ``SegmentaError/missingValues(counts:)``, ``SegmentaError/insufficientData(_:)`` for unusable data;
  ///   ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: O(n × d × log n) for the k-d tree, O(n × minPoints × log n × d) for the queries in few
  ///   dimensions, O(n log n) for sorting; O(n × d) memory.
  public init(_ data: FeatureMatrix, minPoints: Int, context: ExecutionContext) throws(SegmentaError) {
    try DensityInput.validate(data, method: "the k-distance curve")
    if data.rows < 2 { throw .insufficientData("the k-distance curve needs at least 2 rows") }
    guard minPoints >= 2 && minPoints <= data.rows else {
      throw .invalidParameter(
        name: "min_points", value: String(minPoints),
        expected: "2 ≤ min_points ≤ \(data.rows) (the rows), the min_points you will give to DBSCAN")
    }
    let tree = KDTree(data)
    try context.checkCancellation()
    let squared = tree.kthNearestSquaredDistances(minPoints, context: context)
    try context.checkCancellation()
    let sorted = squared.map { $0.squareRoot() }.sorted()
    self.minPoints = minPoints
    self.distances = sorted
    self.kneeIndex = Self.knee(sorted)
  }

  /// Kneedle on an ascending curve: the index maximising x − y after scaling both to [0, 1] (ties → the first);
  /// 0 for a flat curve or a single point.
  ///
  /// - Complexity: O(n).
  static func knee(_ y: [Double]) -> Int {
    guard let first = y.first, let last = y.last, y.count > 1, last > first else { return 0 }
    let span = last - first
    let steps = Double(y.count - 1)
    var best = 0
    var bestDifference = -Double.infinity
    for (i, value) in y.enumerated() {
      let difference = Double(i) / steps - (value - first) / span
      if difference > bestDifference {
        best = i
        bestDifference = difference
      }
    }
    return best
  }
}
