import SegmentaCore

/// Silhouettes as printed, so an estimate from a sample is never mistaken for the exact value.
enum SilhouetteText {
  /// The mean: plain when exact, `≈ mean ± standard error` when estimated from a sample (the standard error to
  /// two significant digits).
  static func mean(_ summary: SilhouetteSummary, _ format: NumberFormat) -> String {
    guard !summary.isExact else { return format.format(summary.mean) }
    return "≈ \(format.format(summary.mean)) ± \(NumberFormat(digits: 2).format(summary.standardError))"
  }

  /// A value of `summary` (e.g. a segment's mean): prefixed with `≈` when estimated from a sample.
  static func value(_ value: Double, of summary: SilhouetteSummary, _ format: NumberFormat) -> String {
    summary.isExact ? format.format(value) : "≈ " + format.format(value)
  }

  /// How an estimate was made and how to get the exact value (for a sampled `summary`).
  static func sampleNote(_ summary: SilhouetteSummary, seed: UInt64) -> String {
    "≈ estimated from a stratified sample of \(NumberFormat.grouped(summary.scoredRows)) of "
      + "\(NumberFormat.grouped(summary.values.count - summary.noiseRows)) rows, each scored against every row, "
      + "every segment kept (seed \(seed)); ± is one standard error; `silhouette=exact` scores every row "
      + "(one distance per pair of rows)"
  }
}
