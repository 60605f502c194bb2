/// A CART classification tree (Breiman, Friedman, Olshen & Stone 1984) that imitates a variant's segments from
/// features in their original units, so the segments can be explained and applied as readable rules.
///
/// Splits are binary on one feature. Numeric: a row goes left when `x ≤ threshold` (scikit-learn's convention),
/// thresholds are midpoints between neighbouring training values. Categorical: a row goes left when its level is
/// in the split's level set and right when it is any other training level. Impurity is Gini.
public struct SurrogateTree: Sendable, Equatable {
  /// A node: a leaf predicting a segment, or a split.
  public indirect enum Node: Sendable, Equatable {
    /// Predicts `segment` for the `rows` training rows that reach it.
    case leaf(segment: Int, rows: Int)
    /// `feature ≤ threshold` goes to `left`, otherwise to `right`.
    case split(feature: Int, threshold: Double, left: Node, right: Node)
    /// A level of categorical `feature` in `levels` (sorted) goes to `left`, any other training level to `right`.
    case subset(feature: Int, levels: [String], left: Node, right: Node)
  }

  /// One input value of a row: a number (NaN = missing) or a category (`nil` = missing).
  public enum Value: Sendable, Equatable {
    case number(Double)
    case level(String?)

    /// Row `row` of `column`, as the tree reads it.
    public init(_ column: Column, row: Int) {
      self = column.isNumeric ? .number(column.numbers[row]) : .level(column.string(at: row))
    }
  }

  /// Where a row ends: a segment, or the first feature on its path it cannot be routed by.
  public enum Outcome: Sendable, Equatable {
    case segment(Int)
    /// The feature's value is missing.
    case missing(feature: Int)
    /// The feature's level was not seen in training.
    case unseen(feature: Int, level: String)
  }

  /// The features the splits refer to (original column names), by index.
  public let features: [String]
  /// The training levels of each categorical feature (sorted by code point); `nil` for numeric features.
  public let levels: [[String]?]
  /// The root node.
  public let root: Node
  /// The depth limit and minimum leaf size it was grown with.
  public let maxDepth: Int
  public let minLeaf: Int

  public init(features: [String], levels: [[String]?], root: Node, maxDepth: Int, minLeaf: Int) {
    precondition(levels.count == features.count, "one level list (or nil) per feature")
    self.features = features
    self.levels = levels
    self.root = root
    self.maxDepth = maxDepth
    self.minLeaf = minLeaf
  }

  /// Whether `feature` is categorical.
  public func isCategorical(_ feature: Int) -> Bool { levels[feature] != nil }

  /// Where `row` (one value per feature) ends. Missing values and unseen levels are never routed silently to a
  /// side: the first one on the row's path stops it.
  /// - Complexity: O(depth × levels).
  public func outcome(_ row: [Value]) -> Outcome {
    var node = root
    while true {
      switch node {
      case .leaf(let segment, _): return .segment(segment)
      case .split(let feature, let threshold, let left, let right):
        guard case .number(let x) = row[feature], !x.isNaN else { return .missing(feature: feature) }
        node = x <= threshold ? left : right
      case .subset(let feature, let subset, let left, let right):
        guard case .level(let value?) = row[feature] else { return .missing(feature: feature) }
        guard levels[feature]?.contains(value) == true else { return .unseen(feature: feature, level: value) }
        node = subset.contains(value) ? left : right
      }
    }
  }

  /// The segment the tree predicts for `row`, or `nil` when a value it needs is missing or unseen.
  /// - Complexity: O(depth × levels).
  public func predict(_ row: [Value]) -> Int? {
    if case .segment(let s) = outcome(row) { return s }
    return nil
  }

  /// The features any split uses, sorted by index.
  public var usedFeatures: [Int] {
    var used = Set<Int>()
    func visit(_ n: Node) {
      switch n {
      case .leaf: break
      case .split(let f, _, let l, let r), .subset(let f, _, let l, let r):
        used.insert(f)
        visit(l)
        visit(r)
      }
    }
    visit(root)
    return used.sorted()
  }
}
