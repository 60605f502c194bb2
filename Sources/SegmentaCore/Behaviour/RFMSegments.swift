/// The named RFM segments of the `rfm` PyPI package (1.0.9, `RFM.find_segments`): the first rule that matches
/// the scores (r, f, m) names the customer.
public enum RFMSegments {
  /// The rules in the package's order: segment name and the allowed r, f and m scores.
  public static let rules: [(name: String, r: Set<Int>, f: Set<Int>, m: Set<Int>)] = [
    ("Champions", [4, 5], [4, 5], [4, 5]),
    ("Promising", [4, 5], [1, 2], [3, 4, 5]),
    ("Loyal Accounts", [3, 4, 5], [3, 4, 5], [3, 4, 5]),
    ("Potential Loyalist", [3, 4, 5], [2, 3], [2, 3, 4]),
    ("New Active Accounts", [5], [1], [1, 2, 3, 4, 5]),
    ("Low Spenders", [3, 4, 5], [1, 2, 3, 4, 5], [1, 2]),
    ("Need Attention", [2, 3], [1, 2], [4, 5]),
    ("About to Sleep", [2, 3], [1, 2], [1, 2, 3]),
    ("At Risk", [1, 2], [1, 2, 3, 4, 5], [3, 4, 5]),
    ("Lost", [1, 2], [1, 2, 3, 4, 5], [1, 2]),
  ]

  /// The segment of scores (r, f, m); every combination of scores 1…5 matches a rule.
  public static func segment(r: Int, f: Int, m: Int) -> String {
    rules.first { $0.r.contains(r) && $0.f.contains(f) && $0.m.contains(m) }?.name ?? "Unclassified"
  }
}
