extension SurrogateTree {
  /// One leaf as a rule: the conditions on the way to it (per feature the tightest bounds, or the levels still
  /// allowed, along the path) and the segment it predicts.
  public struct Rule: Sendable, Equatable {
    /// Per feature used on the path, in feature order.
    public let conditions: [Condition]
    /// The predicted segment.
    public let segment: Int
    /// Training rows reaching the leaf.
    public let rows: Int
  }

  /// A condition on one feature: `lower < x` and/or `x ≤ upper` for a numeric feature, `x ∈ levels` for a
  /// categorical one.
  public struct Condition: Sendable, Equatable {
    public let feature: Int
    public let lower: Double?
    public let upper: Double?
    /// The training levels a row may have (sorted by code point); `nil` for a numeric feature.
    public let levels: [String]?

    public init(feature: Int, lower: Double? = nil, upper: Double? = nil, levels: [String]? = nil) {
      self.feature = feature
      self.lower = lower
      self.upper = upper
      self.levels = levels
    }
  }

  /// The leaves as rules, left to right. The rules are disjoint and cover every row without missing values or
  /// unseen levels.
  /// - Complexity: O(leaves × depth × levels).
  public var rules: [Rule] {
    var out: [Rule] = []
    func visit(_ node: Node, _ conditions: [Int: Condition]) {
      switch node {
      case .leaf(let segment, let rows):
        out.append(
          Rule(conditions: conditions.keys.sorted().compactMap { conditions[$0] }, segment: segment, rows: rows))
      case .split(let f, let t, let left, let right):
        let old = conditions[f] ?? Condition(feature: f)
        var l = conditions
        l[f] = Condition(feature: f, lower: old.lower, upper: min(old.upper ?? t, t))
        visit(left, l)
        var r = conditions
        r[f] = Condition(feature: f, lower: max(old.lower ?? t, t), upper: old.upper)
        visit(right, r)
      case .subset(let f, let subset, let left, let right):
        let allowed = conditions[f]?.levels ?? levels[f] ?? []
        var l = conditions
        l[f] = Condition(feature: f, levels: allowed.filter { subset.contains($0) })
        visit(left, l)
        var r = conditions
        r[f] = Condition(feature: f, levels: allowed.filter { !subset.contains($0) })
        visit(right, r)
      }
    }
    visit(root, [:])
    return out
  }
}
