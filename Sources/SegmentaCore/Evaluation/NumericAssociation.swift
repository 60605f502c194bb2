/// How much of a numeric feature's variation lies between segments: one-way analysis of variance (Fisher 1925).
///
/// η² = SS_between / SS_total is the share of the feature's variance the segmentation explains (0…1); F compares
/// between- and within-segment mean squares, and its upper tail gives the p-value of "the segment means are equal".
/// With thousands of customers almost every feature is "significant": read η² for size, the p-value only for order.
public struct NumericAssociation: Sendable, Equatable {
  /// Share of the total sum of squares between segments (0…1; 0 for a constant feature).
  public let etaSquared: Double
  /// F = (SS_between / (k − 1)) / (SS_within / (n − k)); +∞ when segments are internally constant but differ.
  public let f: Double
  /// Degrees of freedom between segments, k − 1.
  public let betweenDegrees: Int
  /// Degrees of freedom within segments, n − k.
  public let withinDegrees: Int
  /// log₁₀ of the p-value P(F ≥ f), −∞ when f is +∞.
  public let log10P: Double
  /// Rows used (non-noise rows with a value).
  public let rows: Int

  /// The analysis of `values` grouped by `segments` (labels ≥ 0; noise rows and NaN values are left out).
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` unless at least 2 segments have values and there are more
  ///   rows than segments.
  /// - Complexity: O(n).
  public init(_ values: ContiguousArray<Double>, segments: ContiguousArray<Int32>) throws(SegmentaError) {
    precondition(values.count == segments.count, "one segment per value")
    let groups = Int(segments.max() ?? -1) + 1
    var sums = [Double](repeating: 0, count: groups)
    var counts = [Int](repeating: 0, count: groups)
    var total = 0.0
    var n = 0
    for (i, label) in segments.enumerated() where label >= 0 && !values[i].isNaN {
      let v = values[i]
      sums[Int(label)] += v
      counts[Int(label)] += 1
      total += v
      n += 1
    }
    let k = counts.filter { $0 > 0 }.count
    guard k >= 2, n > k else {
      throw .insufficientData(
        "an analysis of variance needs at least 2 segments with values and more rows than segments "
          + "(got \(k) segments, \(n) rows)")
    }
    let grand = total / Double(n)
    var within = 0.0
    var totalSquares = 0.0
    for (i, label) in segments.enumerated() where label >= 0 && !values[i].isNaN {
      let v = values[i]
      let mean = sums[Int(label)] / Double(counts[Int(label)])
      within += (v - mean) * (v - mean)
      totalSquares += (v - grand) * (v - grand)
    }
    var between = 0.0
    for c in 0..<groups where counts[c] > 0 {
      let delta = sums[c] / Double(counts[c]) - grand
      between += Double(counts[c]) * delta * delta
    }
    let dfBetween = k - 1
    let dfWithin = n - k
    etaSquared = totalSquares > 0 ? between / totalSquares : 0
    if between == 0 {
      f = 0
    } else {
      f = within > 0 ? (between / Double(dfBetween)) / (within / Double(dfWithin)) : .infinity
    }
    betweenDegrees = dfBetween
    withinDegrees = dfWithin
    log10P = TailProbability.log10F(f, Double(dfBetween), Double(dfWithin))
    rows = n
  }
}
