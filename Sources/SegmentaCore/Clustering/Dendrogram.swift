/// The top of a merge tree laid out for drawing, as SciPy's `dendrogram(Z, truncate_mode='lastp', p=…)` lays it
/// out: the last p − 1 merges are drawn, every cluster formed before them is one leaf.
///
/// Leaves come in SciPy's order (a depth-first walk from the root, the child with the smaller id first) at
/// positions 0, 1, 2, …; an inner node sits halfway between its children, at its merge height. Leaves sit at
/// height 0 whatever height their contracted subtree has, as SciPy draws them. Plots in the terminal and in SVG
/// read this one layout.
public struct Dendrogram: Sendable, Equatable {
  /// A leaf or an inner node.
  public struct Node: Sendable, Equatable {
    /// The cluster id in the linkage layout: 0..<n rows, n + i the cluster merge i creates.
    public let cluster: Int
    /// Rows in the cluster.
    public let size: Int
    /// Merge height; 0 for leaves.
    public let height: Double
    /// Leaf i is at i; an inner node halfway between its children.
    public let position: Double
    /// Indices into ``Dendrogram/nodes`` of the two children (smaller cluster id first), `nil` for leaves.
    public let children: Children?
  }

  /// The two children of an inner node, as indices into ``Dendrogram/nodes``.
  public struct Children: Sendable, Equatable {
    public let left: Int
    public let right: Int
  }

  /// Leaves in drawing order, then inner nodes in merge order; the root is last.
  public let nodes: [Node]
  /// Number of leaves (the p of `lastp`, at most the number of rows).
  public let leafCount: Int
  /// Rows in the whole tree.
  public let rows: Int
  /// The leaf (index into ``nodes``) each row belongs to.
  public let leafOfRow: ContiguousArray<Int32>

  /// The leaves, in drawing order.
  public var leaves: ArraySlice<Node> { nodes[..<leafCount] }
  /// The drawn merges, lowest first; the root is last.
  public var innerNodes: ArraySlice<Node> { nodes[leafCount...] }

  /// Lays out the last `leaves − 1` merges of a complete merge history (SciPy linkage layout, n − 1 merges sorted
  /// by height).
  ///
  /// - Parameters:
  ///   - merges: the history, as ``ClusteringResult/merges``.
  ///   - rows: the number of rows n; `merges.count` must be n − 1.
  ///   - leaves: how many leaves to draw (SciPy's p); values above n draw every row, below 1 count as 1.
  /// - Complexity: O(n α(n)) time, O(n) memory.
  public init(merges: [ClusteringResult.Merge], rows n: Int, leaves p: Int) {
    precondition(n >= 1 && merges.count == n - 1, "a complete history of n − 1 merges for n ≥ 1 rows")
    let leafCount = min(max(p, 1), n)
    let firstDrawn = n - leafCount  // merges 0..<firstDrawn are contracted into leaves
    // Depth-first from the root, smaller id first: the leaves in drawing order.
    var leafIDs: [Int] = []
    var stack = [2 * n - 2]
    while let id = stack.popLast() {
      if id < n + firstDrawn {
        leafIDs.append(id)
      } else {
        stack.append(merges[id - n].right)
        stack.append(merges[id - n].left)
      }
    }
    var nodeOfCluster = [Int](repeating: -1, count: 2 * n - 1)
    var nodes: [Node] = []
    for (index, id) in leafIDs.enumerated() {
      nodeOfCluster[id] = index
      nodes.append(
        Node(cluster: id, size: id < n ? 1 : merges[id - n].size, height: 0, position: Double(index), children: nil))
    }
    for step in firstDrawn..<merges.count {
      let merge = merges[step]
      let (left, right) = (nodeOfCluster[merge.left], nodeOfCluster[merge.right])
      precondition(left >= 0 && right >= 0, "merge \(step) joins a cluster formed later")
      nodeOfCluster[n + step] = nodes.count
      nodes.append(
        Node(
          cluster: n + step, size: merge.size, height: merge.height,
          position: (nodes[left].position + nodes[right].position) / 2,
          children: Children(left: left, right: right)))
    }
    var forest = MergeForest(ids: n + firstDrawn)
    for (step, merge) in merges.prefix(firstDrawn).enumerated() { forest.join(merge.left, merge.right, into: n + step) }
    var leafOfRow = ContiguousArray<Int32>(repeating: 0, count: n)
    for row in 0..<n {
      leafOfRow[row] = Int32(nodeOfCluster[forest.root(row)])
    }
    self.nodes = nodes
    self.leafCount = leafCount
    self.rows = n
    self.leafOfRow = leafOfRow
  }

  /// The segment of each leaf under `labels` (one per row), or `nil` where a leaf holds rows of several segments
  /// or only noise (−1).
  ///
  /// - Complexity: O(n).
  public func leafSegments(_ labels: ContiguousArray<Int32>) -> [Int32?] {
    precondition(labels.count == rows, "one label per row")
    var segment = [Int32](repeating: -1, count: leafCount)
    var mixed = [Bool](repeating: false, count: leafCount)
    for (row, label) in labels.enumerated() where label >= 0 {
      let leaf = Int(leafOfRow[row])
      if segment[leaf] < 0 {
        segment[leaf] = label
      } else if segment[leaf] != label {
        mixed[leaf] = true
      }
    }
    return (0..<leafCount).map { mixed[$0] || segment[$0] < 0 ? nil : segment[$0] }
  }
}
