/// Homogeneity and separation of each segment in the model space, and the rows that fit their segment worst.
///
/// Homogeneity: mean silhouette (Rousseeuw 1987), mean Euclidean distance to the segment's centre, and per feature
/// the segment's standard deviation relative to the whole data's (below 1: more alike than customers overall).
/// Separation: distances between centres, the nearest other segment, and the share of borderline members — rows
/// whose nearest other centre is less than ``borderlineMargin`` (10 %) farther away than their own centre, so a
/// small shift would move them.
public struct SegmentDiagnostics: Sendable, Equatable {
  /// A row is borderline when distance(nearest other centre) < (1 + margin) × distance(own centre).
  public static let borderlineMargin = 0.1

  /// One segment's figures.
  public struct Segment: Sendable, Equatable {
    public let size: Int
    /// Size relative to all non-noise rows.
    public let share: Double
    /// Mean silhouette of its scored rows (nil when not computed).
    public let meanSilhouette: Double?
    /// Mean Euclidean distance of its rows to its centre.
    public let meanDistanceToCentre: Double
    /// Per feature: standard deviation in the segment ÷ standard deviation over all rows (both ddof 0); NaN for a
    /// constant feature.
    public let spread: [Double]
    /// Euclidean distance from its centre to every centre (0 to itself).
    public let centreDistances: [Double]
    /// The segment with the nearest centre, if there is another.
    public let nearest: Int?
    /// Share of its rows that are borderline.
    public let borderlineShare: Double
    /// Per segment: how many of its rows have that segment's centre as their nearest other centre (their second
    /// choice), and how many of those are borderline.
    public let secondChoiceCounts: [Int]
    public let borderlineCounts: [Int]
  }

  /// How well one row fits.
  public struct Fit: Sendable, Equatable {
    /// Row in the matrix.
    public let row: Int
    public let segment: Int
    /// Its silhouette, when scored.
    public let silhouette: Double?
    /// Distance to its own centre.
    public let distance: Double
    /// The segment with the nearest other centre, and that distance.
    public let nearestOther: Int?
    public let otherDistance: Double
  }

  /// Segments `0..<k`.
  public let segments: [Segment]
  /// Every non-noise row's fit, worst first: lowest silhouette when every row was scored, otherwise highest
  /// own/other distance ratio; ties by row.
  public let fitsWorstFirst: [Fit]

  /// Computes the diagnostics.
  ///
  /// - Parameters:
  ///   - data: the rows in model space.
  ///   - labels: segments `0..<k`, −1 for noise.
  ///   - centres: k × d centres (e.g. the fitted centroids, or segment means).
  ///   - silhouette: per-row silhouettes, when computed.
  /// - Complexity: O(n × (d + k × d) + n log n).
  public init(
    _ data: FeatureMatrix, labels: ContiguousArray<Int32>, centres: FeatureMatrix, silhouette: SilhouetteSummary?
  ) {
    precondition(labels.count == data.rows && centres.columns == data.columns, "labels per row, centres per feature")
    let k = centres.rows
    let d = data.columns
    var sizes = [Int](repeating: 0, count: k)
    var distanceSums = [Double](repeating: 0, count: k)
    var borderline = [Int](repeating: 0, count: k)
    var secondChoice = [Int](repeating: 0, count: k * k)
    var borderlineTo = [Int](repeating: 0, count: k * k)
    var fits: [Fit] = []
    for (i, own, other, otherDistance) in Self.nearestCentres(data, labels: labels, centres: centres) {
      let s = Int(labels[i])
      sizes[s] += 1
      distanceSums[s] += own
      if let other {
        secondChoice[s * k + other] += 1
        if otherDistance < (1 + Self.borderlineMargin) * own {
          borderline[s] += 1
          borderlineTo[s * k + other] += 1
        }
      }
      let score = silhouette.flatMap { $0.values[i].isNaN ? nil : $0.values[i] }
      fits.append(
        Fit(
          row: i, segment: s, silhouette: score, distance: own, nearestOther: other, otherDistance: otherDistance))
    }
    let spreads = Self.spreadRatios(data, labels: labels, k: k)
    let members = sizes.reduce(0, +)
    segments = (0..<k).map { s in
      let centreDistances = (0..<k).map { c in
        var sum = 0.0
        for j in 0..<d {
          let delta = centres[s, j] - centres[c, j]
          sum += delta * delta
        }
        return sum.squareRoot()
      }
      let nearest = (0..<k).filter { $0 != s && !centreDistances[$0].isNaN }.min {
        centreDistances[$0] < centreDistances[$1]
      }
      return Segment(
        size: sizes[s], share: members > 0 ? Double(sizes[s]) / Double(members) : 0,
        meanSilhouette: silhouette.flatMap { s < $0.segmentMeans.count ? $0.segmentMeans[s] : nil },
        meanDistanceToCentre: sizes[s] > 0 ? distanceSums[s] / Double(sizes[s]) : .nan, spread: spreads[s],
        centreDistances: centreDistances, nearest: nearest,
        borderlineShare: sizes[s] > 0 ? Double(borderline[s]) / Double(sizes[s]) : 0,
        secondChoiceCounts: Array(secondChoice[(s * k)..<((s + 1) * k)]),
        borderlineCounts: Array(borderlineTo[(s * k)..<((s + 1) * k)]))
    }
    let bySilhouette = silhouette?.isExact == true
    fitsWorstFirst = fits.sorted { a, b in
      let (x, y) =
        bySilhouette
        ? (a.silhouette ?? 0, b.silhouette ?? 0) : (b.distance / b.otherDistance, a.distance / a.otherDistance)
      return x < y || (x == y && a.row < b.row)
    }
  }

  /// Per non-noise row: the distance to its own centre and to the nearest other centre (which one; ties → the
  /// lower segment), read from contiguous buffers.
  private static func nearestCentres(_ data: FeatureMatrix, labels: ContiguousArray<Int32>, centres: FeatureMatrix)
    -> [(row: Int, own: Double, other: Int?, otherDistance: Double)]
  {
    let d = data.columns
    let k = centres.rows
    var out: [(row: Int, own: Double, other: Int?, otherDistance: Double)] = []
    data.values.withUnsafeBufferPointer { x in
      centres.values.withUnsafeBufferPointer { c in
        func distance(_ i: Int, _ s: Int) -> Double {
          var sum = 0.0
          for j in 0..<d {
            let delta = x[i * d + j] - c[s * d + j]
            sum += delta * delta
          }
          return sum.squareRoot()
        }
        for i in 0..<data.rows where labels[i] >= 0 {
          let s = Int(labels[i])
          var other: Int?
          var otherDistance = Double.infinity
          for t in 0..<k where t != s {
            let dt = distance(i, t)
            if dt < otherDistance {
              otherDistance = dt
              other = t
            }
          }
          out.append((i, distance(i, s), other, otherDistance))
        }
      }
    }
    return out
  }

  /// Per segment and feature: sd within the segment ÷ sd over all non-noise rows (ddof 0, two passes); ratios below
  /// 1e-10 are 0.
  private static func spreadRatios(_ data: FeatureMatrix, labels: ContiguousArray<Int32>, k: Int) -> [[Double]] {
    let d = data.columns
    // Group k is "all rows".
    var means = [Double](repeating: 0, count: (k + 1) * d)
    var squares = [Double](repeating: 0, count: (k + 1) * d)
    var counts = [Int](repeating: 0, count: k + 1)
    data.values.withUnsafeBufferPointer { x in
      for i in 0..<data.rows where labels[i] >= 0 {
        for group in [Int(labels[i]), k] {
          counts[group] += 1
          for j in 0..<d { means[group * d + j] += x[i * d + j] }
        }
      }
      for group in 0...k where counts[group] > 0 {
        for j in 0..<d { means[group * d + j] /= Double(counts[group]) }
      }
      for i in 0..<data.rows where labels[i] >= 0 {
        for group in [Int(labels[i]), k] {
          for j in 0..<d {
            let delta = x[i * d + j] - means[group * d + j]
            squares[group * d + j] += delta * delta
          }
        }
      }
    }
    func sd(_ group: Int, _ j: Int) -> Double {
      counts[group] > 0 ? (squares[group * d + j] / Double(counts[group])).squareRoot() : .nan
    }
    // A segment constant in a feature (e.g. a one-hot column) has an sd of rounding noise (~1e-16): report 0.
    return (0..<k).map { s in
      (0..<d).map { j in
        let overall = sd(k, j)
        guard overall > 0 else { return .nan }
        let ratio = sd(s, j) / overall
        return ratio < 1e-10 ? 0 : ratio
      }
    }
  }
}
