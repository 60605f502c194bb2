/// A CART classification tree (Breiman, Friedman, Olshen & Stone 1984) that imitates a variant's segments from
/// features in their original units, so the segments can be explained and applied as readable rules.
///
/// Splits are binary on one numeric feature: a row goes left when `x ≤ threshold` (scikit-learn's convention),
/// thresholds are midpoints between neighbouring training values, impurity is Gini.
public struct SurrogateTree: Sendable, Equatable {
  /// A node: a leaf predicting a segment, or a split.
  public indirect enum Node: Sendable, Equatable {
    /// Predicts `segment` for the `rows` training rows that reach it.
    case leaf(segment: Int, rows: Int)
    /// `feature ≤ threshold` goes to `left`, otherwise to `right`.
    case split(feature: Int, threshold: Double, left: Node, right: Node)
  }

  /// The features the splits refer to (original column names), by index.
  public let features: [String]
  /// The root node.
  public let root: Node
  /// The depth limit and minimum leaf size it was grown with.
  public let maxDepth: Int
  public let minLeaf: Int

  public init(features: [String], root: Node, maxDepth: Int, minLeaf: Int) {
    self.features = features
    self.root = root
    self.maxDepth = maxDepth
    self.minLeaf = minLeaf
  }

  /// The segment the tree predicts for `row` (one value per feature), or `nil` when a feature it needs is missing
  /// (NaN): missing values are never routed silently to a side.
  /// - Complexity: O(depth).
  public func predict(_ row: [Double]) -> Int? {
    var node = root
    while true {
      switch node {
      case .leaf(let segment, _): return segment
      case .split(let feature, let threshold, let left, let right):
        let x = row[feature]
        if x.isNaN { return nil }
        node = x <= threshold ? left : right
      }
    }
  }

  /// The first feature on `row`'s path whose value is missing (the reason ``predict(_:)`` gives `nil`), if any.
  /// - Complexity: O(depth).
  public func missingFeature(on row: [Double]) -> Int? {
    var node = root
    while case .split(let feature, let threshold, let left, let right) = node {
      let x = row[feature]
      if x.isNaN { return feature }
      node = x <= threshold ? left : right
    }
    return nil
  }

  /// The features any split uses, sorted by index.
  public var usedFeatures: [Int] {
    var used = Set<Int>()
    func visit(_ n: Node) {
      if case .split(let f, _, let l, let r) = n {
        used.insert(f)
        visit(l)
        visit(r)
      }
    }
    visit(root)
    return used.sorted()
  }
}
