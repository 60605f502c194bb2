/// From the builders' raw merges to SciPy's linkage layout, and from the layout to flat segments.
extension Hierarchical {
  /// Sorts raw merges by height (stable: equal heights keep the builder's order, as SciPy's mergesort) and names
  /// the clusters as SciPy's `label` does: rows are 0..<n, merge i creates n + i, the smaller id goes left.
  ///
  /// - Complexity: O(n log n).
  static func numbered(_ raw: ContiguousArray<RawMerge>, rows n: Int) -> [ClusteringResult.Merge] {
    let order = raw.indices.sorted { raw[$0].height < raw[$1].height || (raw[$0].height == raw[$1].height && $0 < $1) }
    var forest = MergeForest(ids: max(2 * n - 1, 1))
    var sizes = [Int](repeating: 1, count: max(2 * n - 1, 1))
    var merges: [ClusteringResult.Merge] = []
    merges.reserveCapacity(raw.count)
    for (step, index) in order.enumerated() {
      let a = forest.root(raw[index].a)
      let b = forest.root(raw[index].b)
      let merged = n + step
      forest.join(a, b, into: merged)
      sizes[merged] = sizes[a] + sizes[b]
      merges.append(
        ClusteringResult.Merge(left: min(a, b), right: max(a, b), height: raw[index].height, size: sizes[merged]))
    }
    return merges
  }

  /// Segment labels after the first `applied` merges, numbered `0..<n − applied` in order of each segment's first
  /// row.
  ///
  /// - Complexity: O(n α(n)).
  static func flatLabels(_ merges: [ClusteringResult.Merge], rows n: Int, applying applied: Int)
    -> ContiguousArray<Int32>
  {
    precondition(applied >= 0 && applied <= merges.count, "cannot apply \(applied) of \(merges.count) merges")
    var forest = MergeForest(ids: n + applied)
    for (step, merge) in merges.prefix(applied).enumerated() { forest.join(merge.left, merge.right, into: n + step) }
    var labelOfRoot = [Int32](repeating: -1, count: n + applied)
    var next: Int32 = 0
    var labels = ContiguousArray<Int32>(repeating: 0, count: n)
    for row in 0..<n {
      let root = forest.root(row)
      if labelOfRoot[root] < 0 {
        labelOfRoot[root] = next
        next += 1
      }
      labels[row] = labelOfRoot[root]
    }
    return labels
  }

  /// A height that cuts the tree into `k` segments: halfway between the last merge kept and the first undone
  /// (from 0 when none is kept); `nil` for k < 2 or more segments than rows, where no cut is drawn.
  ///
  /// - Complexity: O(1).
  public static func cutHeight(_ merges: [ClusteringResult.Merge], segments k: Int) -> Double? {
    let kept = merges.count + 1 - k
    guard k >= 2, kept >= 0 else { return nil }
    return ((kept > 0 ? merges[kept - 1].height : 0) + merges[kept].height) / 2
  }
}
