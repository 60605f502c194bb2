/// Quintile scores 1…5 as the `rfm` PyPI package (1.0.9) computes them:
/// `pandas.qcut(values.rank(method="first"), 5, labels=…)`.
///
/// Ties are split by position: equal values get consecutive ranks in the order of the input (for RFM: ascending
/// customer id, the order of pandas' `groupby`), so every quintile holds ⌊n/5⌋ or ⌈n/5⌉ customers even when
/// many share a value (frequency 1, say) — and two customers with the same value can get different scores.
/// The bins are those of `qcut` on the ranks 1…n: edges at the quantiles 0, 0.2, 0.4, 0.6000000000000001, 0.8,
/// 1 (numpy's `linspace`) by linear interpolation, right-closed.
public enum QuintileScores {
  /// The score of each value: 5 for the highest fifth when `highIsBest`, 5 for the lowest fifth otherwise
  /// (recency: the most recent customers score 5).
  /// - Precondition: at least 2 values, none missing (`qcut` needs distinct edges).
  /// - Complexity: O(n log n).
  public static func scores(_ values: ContiguousArray<Double>, highIsBest: Bool) -> [Int] {
    let n = values.count
    precondition(n >= 2, "quintile scores need at least 2 values")
    let order = (0..<n).sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
    let ranks = (1...n).map(Double.init)
    let quantiles = [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
    let edges = quantiles.map { Statistics.quantile(sorted: ranks, $0) }
    var scores = [Int](repeating: 0, count: n)
    for (position, row) in order.enumerated() {
      let rank = Double(position + 1)
      let bin = (1...5).first { rank <= edges[$0] } ?? 5
      scores[row] = highIsBest ? bin : 6 - bin
    }
    return scores
  }
}
