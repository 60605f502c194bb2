extension SurrogateTree {
  /// One leaf as a rule: the conditions on the way to it (at most one lower and one upper bound per feature, the
  /// tightest along the path) and the segment it predicts.
  public struct Rule: Sendable, Equatable {
    /// Per feature used on the path, in feature order: `lower < x ≤ upper` (either bound may be absent).
    public let conditions: [Condition]
    /// The predicted segment.
    public let segment: Int
    /// Training rows reaching the leaf.
    public let rows: Int
  }

  /// A bound on one feature: `lower < x` and/or `x ≤ upper`.
  public struct Condition: Sendable, Equatable {
    public let feature: Int
    public let lower: Double?
    public let upper: Double?
  }

  /// The leaves as rules, left to right. The rules are disjoint and cover every row without missing values.
  /// - Complexity: O(leaves × depth).
  public var rules: [Rule] {
    var out: [Rule] = []
    func visit(_ node: Node, _ bounds: [Int: (lower: Double?, upper: Double?)]) {
      switch node {
      case .leaf(let segment, let rows):
        let conditions = bounds.keys.sorted().compactMap { f -> Condition? in
          guard let b = bounds[f] else { return nil }
          return Condition(feature: f, lower: b.lower, upper: b.upper)
        }
        out.append(Rule(conditions: conditions, segment: segment, rows: rows))
      case .split(let f, let t, let left, let right):
        var l = bounds
        let old = bounds[f] ?? (nil, nil)
        l[f] = (old.lower, min(old.upper ?? t, t))
        visit(left, l)
        var r = bounds
        r[f] = (max(old.lower ?? t, t), old.upper)
        visit(right, r)
      }
    }
    visit(root, [:])
    return out
  }
}
