/// Small descriptive statistics shared by scaling, winsorizing and profiles.
public enum Statistics {
  /// Arithmetic mean; NaN for an empty input.
  public static func mean<C: Collection<Double>>(_ values: C) -> Double {
    values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
  }

  /// Standard deviation with `ddof` delta degrees of freedom (0 = population, 1 = sample); NaN if n ≤ ddof.
  public static func standardDeviation<C: Collection<Double>>(_ values: C, ddof: Int) -> Double {
    let n = values.count
    guard n > ddof else { return .nan }
    let m = mean(values)
    let ss = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return (ss / Double(n - ddof)).squareRoot()
  }

  /// The q-quantile of already sorted values by linear interpolation between order statistics (Hyndman & Fan
  /// 1996, definition 7: numpy's default, R's type 7), interpolated from the nearer neighbour as numpy's `_lerp`
  /// does, so results agree to the last bit. NaN for no values.
  public static func quantile(sorted: [Double], _ q: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let h = Double(sorted.count - 1) * q
    let lo = Int(h.rounded(.down))
    guard lo + 1 < sorted.count else { return sorted[lo] }
    let t = h - Double(lo)
    let a = sorted[lo]
    let b = sorted[lo + 1]
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
  }
}
