extension SurrogateTree {
  /// Categorical splits search every partition of a node's levels up to this many levels (2^(L−1) − 1
  /// candidates, 511 at 10), and an ordering of the levels beyond (see ``fit(columns:labels:k:maxDepth:minLeaf:)``).
  public static let exhaustiveLevels = 10

  /// Grows a tree that predicts `labels` from `columns` (numeric or categorical, no missing values, one value per
  /// label).
  ///
  /// At each node the split minimising the weighted Gini impurity of the children is chosen over all features
  /// with at least `minLeaf` rows on each side. Numeric candidates are the midpoints between distinct sorted
  /// values. Categorical candidates partition the levels present at the node; the side holding the first of them
  /// (by code point) goes left, and training levels absent from the node go right. With L ≤ ``exhaustiveLevels``
  /// present levels every partition is tried; beyond, the levels are ordered by the share of the node's majority
  /// segment and the L − 1 cuts of that order are tried — exact for two segments (Breiman et al. 1984, §9.4), a
  /// heuristic for more. Ties go to the lower feature, then the lower threshold, or for categories the partition
  /// whose left set, read as a bit mask over the present levels in code-point order, is smallest (cut order for
  /// the ordering). A node becomes a leaf when it is pure, at `maxDepth`, or when no split lowers the impurity.
  /// Leaves predict their majority segment (ties → lower segment); sibling leaves predicting the same segment are
  /// merged, which changes no prediction but shortens the rules. Rows with label < 0 (noise) are left out.
  /// - Complexity: O(depth × (d × n log n + categorical features × (n + 2^min(L, 10) × L × k))).
  public static func fit(
    columns: [Column], labels: some Collection<Int32>, k: Int, maxDepth: Int, minLeaf: Int
  ) -> SurrogateTree {
    precondition(maxDepth >= 0 && minLeaf >= 1, "depth ≥ 0 and min_leaf ≥ 1")
    let labelArray = Array(labels)
    precondition(columns.allSatisfy { $0.count == labelArray.count }, "one value per label")
    let rows = labelArray.indices.filter { labelArray[$0] >= 0 }
    precondition(
      columns.allSatisfy { c in c.isNumeric || rows.allSatisfy { c.string(at: $0) != nil } }, "no missing category")
    let levels = columns.map { c -> [String]? in
      c.isNumeric
        ? nil
        : Set(rows.compactMap { c.string(at: $0) }).sorted {
          $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
        }
    }
    let features = zip(columns, levels).map { column, levels -> Grower.Feature in
      guard let levels else { return .numeric(Array(column.numbers)) }
      let code = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
      return .categorical((0..<column.count).map { column.string(at: $0).flatMap { code[$0] } ?? -1 }, levels: levels)
    }
    let grower = Grower(
      features: features, labels: labelArray.map { Int($0) }, k: k, maxDepth: maxDepth, minLeaf: minLeaf)
    return SurrogateTree(
      features: columns.map(\.name), levels: levels, root: grower.grow(rows, depth: 0),
      maxDepth: maxDepth, minLeaf: minLeaf)
  }

  private struct Grower {
    /// A feature's training values: numbers, or codes into its levels (−1 only outside the training rows).
    enum Feature {
      case numeric([Double])
      case categorical([Int], levels: [String])
    }

    /// A chosen split: a threshold, or the codes of the left levels.
    enum Split {
      case threshold(feature: Int, Double)
      case subset(feature: Int, [Int])

      var feature: Int {
        switch self {
        case .threshold(let f, _), .subset(let f, _): f
        }
      }
    }

    let features: [Feature]
    let labels: [Int]
    let k: Int
    let maxDepth: Int
    let minLeaf: Int

    func grow(_ rows: [Int], depth: Int) -> Node {
      var counts = [Int](repeating: 0, count: k)
      for r in rows { counts[labels[r]] += 1 }
      let majority = counts.indices.max { (counts[$0], -$0) < (counts[$1], -$1) } ?? 0
      let leaf = Node.leaf(segment: majority, rows: rows.count)
      guard depth < maxDepth, rows.count >= 2 * minLeaf, counts[majority] < rows.count,
        let split = bestSplit(rows, counts)
      else { return leaf }
      let goesLeft: (Int) -> Bool
      switch (split, features[split.feature]) {
      case (.threshold(_, let t), .numeric(let values)): goesLeft = { values[$0] <= t }
      case (.subset(_, let codes), .categorical(let values, let levels)):
        var isLeft = [Bool](repeating: false, count: levels.count)
        for c in codes { isLeft[c] = true }
        goesLeft = { isLeft[values[$0]] }
      default: preconditionFailure("a split matches its feature's kind")
      }
      let left = grow(rows.filter(goesLeft), depth: depth + 1)
      let right = grow(rows.filter { !goesLeft($0) }, depth: depth + 1)
      if case .leaf(let a, _) = left, case .leaf(let b, _) = right, a == b { return leaf }
      switch (split, features[split.feature]) {
      case (.subset(let f, let codes), .categorical(_, let levels)):
        return .subset(feature: f, levels: codes.map { levels[$0] }, left: left, right: right)
      case (.threshold(let f, let t), _): return .split(feature: f, threshold: t, left: left, right: right)
      default: preconditionFailure("a split matches its feature's kind")
      }
    }

    /// The best split by Σ c²/n over both children (maximising it minimises the weighted Gini impurity).
    private func bestSplit(_ rows: [Int], _ counts: [Int]) -> Split? {
      let n = rows.count
      let parentScore = Double(counts.reduce(0) { $0 + $1 * $1 }) / Double(n)
      var best: (split: Split, score: Double)?
      func consider(_ score: Double, _ split: @autoclosure () -> Split) {
        guard score > parentScore * (1 + 1e-12), score > (best?.score ?? -1) else { return }
        best = (split(), score)
      }
      for (f, feature) in features.enumerated() {
        switch feature {
        case .numeric(let column):
          let sorted = rows.sorted { (column[$0], $0) < (column[$1], $1) }
          var left = [Int](repeating: 0, count: k)
          var right = counts
          var leftSquares = 0
          var rightSquares = counts.reduce(0) { $0 + $1 * $1 }
          for i in 0..<(n - 1) {
            let c = labels[sorted[i]]
            leftSquares += 2 * left[c] + 1
            left[c] += 1
            rightSquares -= 2 * right[c] - 1
            right[c] -= 1
            let nLeft = i + 1
            guard nLeft >= minLeaf, n - nLeft >= minLeaf else { continue }
            let a = column[sorted[i]]
            let b = column[sorted[i + 1]]
            guard a < b else { continue }
            let mid = a + (b - a) / 2
            consider(
              Double(leftSquares) / Double(nLeft) + Double(rightSquares) / Double(n - nLeft),
              .threshold(feature: f, mid < b ? mid : a))
          }
        case .categorical(let codes, let levels):
          var table = [[Int]](repeating: [Int](repeating: 0, count: k), count: levels.count)
          for r in rows { table[codes[r]][labels[r]] += 1 }
          let present = levels.indices.filter { table[$0].contains { $0 > 0 } }
          for candidate in Self.partitions(present, table, counts) {
            var left = [Int](repeating: 0, count: k)
            for code in candidate { for c in 0..<k { left[c] += table[code][c] } }
            let nLeft = left.reduce(0, +)
            guard nLeft >= minLeaf, n - nLeft >= minLeaf else { continue }
            let leftSquares = left.reduce(0) { $0 + $1 * $1 }
            let rightSquares = zip(counts, left).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            consider(
              Double(leftSquares) / Double(nLeft) + Double(rightSquares) / Double(n - nLeft),
              .subset(feature: f, candidate))
          }
        }
      }
      return best?.split
    }

    /// The left level sets to try for the `present` level codes (ascending), each holding `present[0]`, in
    /// tie-breaking order: every partition by ascending bit mask up to ``SurrogateTree/exhaustiveLevels`` levels,
    /// else the cuts of the levels ordered by the share of the node's majority segment (descending, ties by code).
    private static func partitions(_ present: [Int], _ table: [[Int]], _ counts: [Int]) -> [[Int]] {
      let l = present.count
      guard l >= 2 else { return [] }
      if l <= SurrogateTree.exhaustiveLevels {
        return stride(from: 1, to: (1 << l) - 1, by: 2).map { mask in
          present.indices.filter { mask & (1 << $0) != 0 }.map { present[$0] }
        }
      }
      let majority = counts.indices.max { (counts[$0], -$0) < (counts[$1], -$1) } ?? 0
      let share = { (code: Int) -> Double in Double(table[code][majority]) / Double(table[code].reduce(0, +)) }
      let order = present.sorted { (share($0), -$0) > (share($1), -$1) }
      return (1..<l).map { cut in
        let prefix = Array(order[..<cut])
        let side = prefix.contains(present[0]) ? prefix : Array(order[cut...])
        return side.sorted()
      }
    }
  }
}
