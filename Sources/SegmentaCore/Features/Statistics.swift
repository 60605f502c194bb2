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

  /// The q-quantile of already sorted values by linear interpolation (numpy's default, R type 7).
  public static func quantile(sorted: [Double], _ q: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
  }
}
