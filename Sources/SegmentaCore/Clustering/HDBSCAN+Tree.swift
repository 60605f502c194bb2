/// From the spanning tree to labels: single-linkage hierarchy, condensed tree, excess-of-mass selection, labelling,
/// step for step as the `hdbscan` package's `_hdbscan_tree.pyx` (`label`, `condense_tree`, `compute_stability`,
/// `get_clusters` with `eom`, `do_labelling`), which scikit-learn's `HDBSCAN` follows too.
extension HDBSCAN {
  /// A single-linkage hierarchy in SciPy's layout: merge i joins nodes `left[i]` and `right[i]` (rows are nodes
  /// 0..<n) into node n + i of `size[i]` rows at `distance[i]`.
  struct Hierarchy {
    let rows: Int
    var left: [Int] = []
    var right: [Int] = []
    var distance: [Double] = []
    var size: [Int] = []
  }

  /// The condensed tree: rows are nodes 0..<n, clusters are n..<n + clusterCount with the root n; every entry says
  /// that `child` (a row or a cluster of `childSize` rows) leaves `parent` at λ = 1 / distance.
  struct CondensedTree {
    let rows: Int
    var clusterCount = 1
    var parent: [Int] = []
    var child: [Int] = []
    var lambda: [Double] = []
    var childSize: [Int] = []
  }

  /// The single-linkage hierarchy of the spanning tree: edges merged by increasing (distance, a, b).
  ///
  /// - Complexity: O(n log n).
  static func singleLinkage(_ edges: [Edge], rows n: Int) -> Hierarchy {
    var hierarchy = Hierarchy(rows: n)
    var sets = UnionFind(count: n)
    var node = Array(0..<n)
    var size = [Int](repeating: 1, count: n)
    for edge in edges.sorted(by: { ($0.squared, $0.a, $0.b) < ($1.squared, $1.a, $1.b) }) {
      let a = sets.find(edge.a)
      let b = sets.find(edge.b)
      let merged = size[a] + size[b]
      hierarchy.left.append(node[a])
      hierarchy.right.append(node[b])
      hierarchy.distance.append(edge.squared.squareRoot())
      hierarchy.size.append(merged)
      sets.union(a, b)
      let root = sets.find(a)
      node[root] = n + hierarchy.size.count - 1
      size[root] = merged
    }
    return hierarchy
  }

  /// Condenses the hierarchy (`condense_tree`): walking down from the root breadth-first, a split into two sides of
  /// at least `minSize` rows makes two new clusters; otherwise the small sides' rows leave the cluster at that λ and
  /// the cluster continues as the large side.
  ///
  /// - Complexity: O(n).
  static func condense(_ hierarchy: Hierarchy, minSize: Int) -> CondensedTree {
    let n = hierarchy.rows
    var tree = CondensedTree(rows: n)
    guard n > 1 else { return tree }
    let root = 2 * n - 2
    var order = [root]
    var index = 0
    while index < order.count {
      let node = order[index]
      index += 1
      if node >= n {
        order.append(hierarchy.left[node - n])
        order.append(hierarchy.right[node - n])
      }
    }
    var relabel = [Int](repeating: 0, count: 2 * n - 1)
    relabel[root] = n
    var ignore = [Bool](repeating: false, count: 2 * n - 1)
    var queue: [Int] = []
    func size(_ node: Int) -> Int { node >= n ? hierarchy.size[node - n] : 1 }
    func leave(_ subtree: Int, from cluster: Int, at lambda: Double) {
      queue.removeAll(keepingCapacity: true)
      queue.append(subtree)
      var next = 0
      while next < queue.count {
        let node = queue[next]
        next += 1
        if node < n {
          tree.append(parent: cluster, child: node, lambda: lambda, size: 1)
        } else {
          queue.append(hierarchy.left[node - n])
          queue.append(hierarchy.right[node - n])
        }
        ignore[node] = true
      }
    }
    for node in order where node >= n && !ignore[node] {
      let merge = node - n
      let left = hierarchy.left[merge]
      let right = hierarchy.right[merge]
      let lambda = hierarchy.distance[merge] > 0 ? 1 / hierarchy.distance[merge] : .infinity
      let cluster = relabel[node]
      switch (size(left) >= minSize, size(right) >= minSize) {
      case (true, true):
        for side in [left, right] {
          relabel[side] = n + tree.clusterCount
          tree.clusterCount += 1
          tree.append(parent: cluster, child: relabel[side], lambda: lambda, size: size(side))
        }
      case (false, false):
        leave(left, from: cluster, at: lambda)
        leave(right, from: cluster, at: lambda)
      case (false, true):
        relabel[right] = cluster
        leave(left, from: cluster, at: lambda)
      case (true, false):
        relabel[left] = cluster
        leave(right, from: cluster, at: lambda)
      }
    }
    return tree
  }
}

extension HDBSCAN.CondensedTree {
  mutating func append(parent: Int, child: Int, lambda: Double, size: Int) {
    self.parent.append(parent)
    self.child.append(child)
    self.lambda.append(lambda)
    childSize.append(size)
  }

  /// Stability of each cluster (`compute_stability`): Σ over its entries of (λ − λ_birth) × child size, where
  /// λ_birth is the λ at which the cluster split off its parent (0 for the root).
  ///
  /// - Complexity: O(entries).
  func stabilities() -> [Double] {
    var birth = [Double](repeating: 0, count: clusterCount)
    for entry in child.indices where child[entry] >= rows { birth[child[entry] - rows] = lambda[entry] }
    var stability = [Double](repeating: 0, count: clusterCount)
    for entry in parent.indices {
      let cluster = parent[entry] - rows
      stability[cluster] += (lambda[entry] - birth[cluster]) * Double(childSize[entry])
    }
    return stability
  }

  /// The clusters chosen by excess of mass (`get_clusters`, `eom`, root excluded): from the last cluster to the
  /// first, a cluster is kept when its stability is at least its children's total, which otherwise replaces it.
  ///
  /// - Complexity: O(clusters) amortised (each cluster is deselected at most once per ancestor kept).
  func excessOfMass() -> [Bool] {
    var stability = stabilities()
    var children = [[Int]](repeating: [], count: clusterCount)
    for entry in child.indices where child[entry] >= rows {
      children[parent[entry] - rows].append(child[entry] - rows)
    }
    var selected = [Bool](repeating: true, count: clusterCount)
    selected[0] = false
    for cluster in stride(from: clusterCount - 1, through: 1, by: -1) {
      let subtree = children[cluster].reduce(0.0) { $0 + stability[$1] }
      if subtree > stability[cluster] {
        selected[cluster] = false
        stability[cluster] = subtree
      } else {
        var pending = children[cluster]
        while let next = pending.popLast() {
          selected[next] = false
          pending.append(contentsOf: children[next])
        }
      }
    }
    return selected
  }

  /// Labels per row (`do_labelling`): a row belongs to its nearest selected ancestor cluster, numbered in cluster
  /// order; rows with none are noise (−1).
  ///
  /// - Complexity: O(entries).
  func labels(selected: [Bool]) -> (labels: ContiguousArray<Int32>, k: Int) {
    var number = [Int32](repeating: -1, count: clusterCount)
    var k = 0
    for cluster in 0..<clusterCount where selected[cluster] {
      number[cluster] = Int32(k)
      k += 1
    }
    // Entries are in breadth-first order, so a cluster's own entry comes before its children's.
    var inherited = [Int32](repeating: -1, count: clusterCount)
    var labels = ContiguousArray<Int32>(repeating: -1, count: rows)
    for entry in child.indices {
      let from = inherited[parent[entry] - rows]
      if child[entry] >= rows {
        let cluster = child[entry] - rows
        inherited[cluster] = selected[cluster] ? number[cluster] : from
      } else {
        labels[child[entry]] = from
      }
    }
    return (labels, k)
  }
}
