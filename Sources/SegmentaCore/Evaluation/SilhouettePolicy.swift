/// How many rows `compare` and `inspect` score for the silhouette, which costs one distance per pair of rows
/// (O(n²)): exact up to ``exactRowLimit`` rows, above it a stratified sample sized to a fixed budget of distances,
/// so the answer stays well under a second at 100,000 rows (docs/performance.md, "REPL responsiveness").
///
/// Every scored row is still scored against all rows, so each scored silhouette is exact and the stratified mean
/// is an unbiased estimate of the exact mean, reported with its standard error (``SilhouetteSummary``). Unlike
/// scikit-learn's `silhouette_score(sample_size=…)`, which scores the sample against itself, the estimate does not
/// depend on how crowded the sample is.
public enum SilhouettePolicy: Sendable, Equatable {
  /// Exact up to ``exactRowLimit`` rows, sampled above it (the default).
  case automatic
  /// Every row scored, whatever the size.
  case exact
  /// A stratified sample of about this many rows (exact when it covers every row).
  case sample(Int)

  /// Up to this many rows (noise excluded), ``automatic`` scores every row.
  public static let exactRowLimit = 20_000
  /// Distances ``automatic`` spends above ``exactRowLimit``: what the exact silhouette costs at that limit.
  public static let distanceBudget = exactRowLimit * exactRowLimit
  /// The smallest sample ``automatic`` scores (a standard error of about 0.005 for silhouettes spread ±0.2).
  public static let minimumSample = 2_000

  /// Rows to score for `members` non-noise rows, or `nil` for every row (exact).
  public func sampleSize(members: Int) -> Int? {
    switch self {
    case .exact: nil
    case .sample(let size): size
    case .automatic:
      members <= Self.exactRowLimit ? nil : max(Self.minimumSample, Self.distanceBudget / members)
    }
  }
}
