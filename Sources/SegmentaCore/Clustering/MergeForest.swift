/// Union–find over the cluster ids of a merge history (0..<n rows, n + i for the cluster merge i makes), so a
/// partial history can be applied in O(n α(n)) and each row's current cluster read off.
struct MergeForest {
  private var parent: ContiguousArray<Int>

  /// A forest of `ids` singleton clusters.
  init(ids: Int) {
    parent = ContiguousArray(0..<ids)
  }

  /// Makes `merged` the parent of the roots `a` and `b`.
  mutating func join(_ a: Int, _ b: Int, into merged: Int) {
    parent[a] = merged
    parent[b] = merged
  }

  /// The root of `id`, compressing the path on the way.
  mutating func root(_ id: Int) -> Int {
    var top = id
    while parent[top] != top { top = parent[top] }
    var node = id
    while parent[node] != top {
      let next = parent[node]
      parent[node] = top
      node = next
    }
    return top
  }
}
