extension SurrogateTree {
  /// Grows a tree that predicts `labels` from `columns` (numeric, no missing values, one value per label).
  ///
  /// At each node the split minimising the weighted Gini impurity of the children is chosen over all features
  /// and all midpoints between distinct sorted values with at least `minLeaf` rows on each side; ties go to the
  /// lower feature, then the lower threshold. A node becomes a leaf when it is pure, at `maxDepth`, or when no
  /// split lowers the impurity. Leaves predict their majority segment (ties → lower segment); sibling leaves
  /// predicting the same segment are merged, which changes no prediction but shortens the rules.
  /// Rows with label < 0 (noise) are left out.
  /// - Complexity: O(depth × d × n log n).
  public static func fit(
    columns: [Column], labels: some Collection<Int32>, k: Int, maxDepth: Int, minLeaf: Int
  ) -> SurrogateTree {
    precondition(maxDepth >= 0 && minLeaf >= 1, "depth ≥ 0 and min_leaf ≥ 1")
    let labelArray = Array(labels)
    precondition(columns.allSatisfy { $0.count == labelArray.count }, "one value per label")
    let rows = labelArray.indices.filter { labelArray[$0] >= 0 }
    let grower = Grower(
      values: columns.map { Array($0.numbers) }, labels: labelArray.map { Int($0) }, k: k, maxDepth: maxDepth,
      minLeaf: minLeaf)
    return SurrogateTree(
      features: columns.map(\.name), root: grower.grow(rows, depth: 0), maxDepth: maxDepth, minLeaf: minLeaf)
  }

  private struct Grower {
    let values: [[Double]]
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
      let left = grow(rows.filter { values[split.feature][$0] <= split.threshold }, depth: depth + 1)
      let right = grow(rows.filter { values[split.feature][$0] > split.threshold }, depth: depth + 1)
      if case .leaf(let a, _) = left, case .leaf(let b, _) = right, a == b { return leaf }
      return .split(feature: split.feature, threshold: split.threshold, left: left, right: right)
    }

    /// The best split by Σ c²/n over both children (maximising it minimises the weighted Gini impurity).
    private func bestSplit(_ rows: [Int], _ counts: [Int]) -> (feature: Int, threshold: Double)? {
      let n = rows.count
      let parentScore = Double(counts.reduce(0) { $0 + $1 * $1 }) / Double(n)
      var best: (feature: Int, threshold: Double, score: Double)?
      for (f, column) in values.enumerated() {
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
          let score = Double(leftSquares) / Double(nLeft) + Double(rightSquares) / Double(n - nLeft)
          guard score > parentScore * (1 + 1e-12), score > (best?.score ?? -1) else { continue }
          let mid = a + (b - a) / 2
          best = (f, mid < b ? mid : a, score)
        }
      }
      return best.map { ($0.feature, $0.threshold) }
    }
  }
}
