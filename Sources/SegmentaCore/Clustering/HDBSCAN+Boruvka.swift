/// The minimum spanning tree of the mutual reachability graph, by Borůvka's algorithm on a k-d
/// tree (Borůvka 1926; the dual-tree variant of March, Ram & Gray 2010 as used by McInnes & Healy 2017, here with
/// single-point queries).
///
/// All distances are squared here (the order of max(core(a), core(b), ‖a − b‖) is the same squared); positions
/// are tree positions, ties are broken by input row.
extension HDBSCAN {
  /// A spanning-tree edge between input rows `a < b` with its squared mutual reachability distance.
  struct Edge: Equatable {
    let a: Int
    let b: Int
    let squared: Double
  }

  /// The n − 1 edges of the minimum spanning tree under the order (distance, smaller row, larger row).
  ///
  /// Each round, every point looks for its nearest point (in mutual reachability) outside its component, skipping
  /// tree nodes that lie entirely in its component or whose lower bound max(own core, node's least core, box
  /// distance) is already worse than the best edge of its component found so far in its chunk; each component then
  /// takes its best edge, in component order. The bound only skips points that cannot hold the component's best
  /// edge, so chunking does not change the result.
  ///
  /// - Complexity: at most ⌈log₂ n⌉ rounds of n tree queries; O(n) memory besides the tree.
  static func minimumSpanningTree(_ tree: KDTree, core: ContiguousArray<Double>, context: ExecutionContext)
    throws(SegmentaError) -> [Edge]
  {
    let n = tree.count
    let nodeCore = nodeMinimum(tree, core)
    var sets = UnionFind(count: n)
    var edges: [Edge] = []
    edges.reserveCapacity(n - 1)
    var component = ContiguousArray<Int>(repeating: 0, count: n)
    // Per component: the best edge key (squared distance, smaller row, larger row) and its tree positions.
    var best = [(squared: Double, a: Int, b: Int)](repeating: (.infinity, 0, 0), count: n)
    var ends = [(Int, Int)](repeating: (0, 0), count: n)
    // Per position: last round's exact best point outside its component, or other = −1 when unknown.
    var candidates = ContiguousArray<Candidate>(repeating: Candidate(other: -1, squared: .infinity), count: n)
    while edges.count < n - 1 {
      try context.checkCancellation()
      for p in 0..<n { component[p] = sets.find(p) }
      let components = component
      let nodeComponent = uniformComponents(tree, components)
      let previous = candidates
      let found = context.mapChunks(count: n, chunkCount: KDTree.queryChunks(n)) { _, range in
        tree.withQueries { q in
          components.withUnsafeBufferPointer { components in
            core.withUnsafeBufferPointer { core in
              nodeComponent.withUnsafeBufferPointer { nodeComponent in
                nodeCore.withUnsafeBufferPointer { nodeCore in
                  previous.withUnsafeBufferPointer { previous in
                    let search = OutsideSearch(
                      q: q, component: components, core: core, nodeComponent: nodeComponent, nodeCore: nodeCore)
                    return search.nearestOutside(range, previous: previous)
                  }
                }
              }
            }
          }
        }
      }
      candidates = ContiguousArray(found.joined())
      for c in 0..<n { best[c] = (.infinity, 0, 0) }
      for (p, candidate) in candidates.enumerated() where candidate.other >= 0 {
        let c = component[p]
        let a = tree.order[p]
        let b = tree.order[candidate.other]
        let key = (candidate.squared, min(a, b), max(a, b))
        if key < best[c] {
          best[c] = key
          ends[c] = (p, candidate.other)
        }
      }
      for c in 0..<n where component[c] == c && best[c].squared < .infinity {
        if sets.union(ends[c].0, ends[c].1) { edges.append(Edge(a: best[c].a, b: best[c].b, squared: best[c].squared)) }
      }
    }
    return edges
  }

  /// Per node, the smallest squared core distance of its points (bottom-up over the complete tree).
  private static func nodeMinimum(_ tree: KDTree, _ core: ContiguousArray<Double>) -> ContiguousArray<Double> {
    var minimum = ContiguousArray<Double>(repeating: .infinity, count: tree.nodeCount)
    for node in stride(from: tree.nodeCount - 1, through: 0, by: -1) {
      let left = 2 * node + 1
      if left < tree.nodeCount {
        minimum[node] = min(minimum[left], minimum[left + 1])
      } else {
        for p in tree.start[node]..<tree.end[node] { minimum[node] = min(minimum[node], core[p]) }
      }
    }
    return minimum
  }

  /// Per node, the component all its points belong to, or −1 when they belong to several.
  private static func uniformComponents(_ tree: KDTree, _ component: ContiguousArray<Int>) -> ContiguousArray<Int> {
    var uniform = ContiguousArray<Int>(repeating: -1, count: tree.nodeCount)
    for node in stride(from: tree.nodeCount - 1, through: 0, by: -1) {
      let left = 2 * node + 1
      if left < tree.nodeCount {
        uniform[node] = uniform[left] == uniform[left + 1] ? uniform[left] : -1
      } else {
        let first = component[tree.start[node]]
        let same = (tree.start[node]..<tree.end[node]).allSatisfy { component[$0] == first }
        uniform[node] = same ? first : -1
      }
    }
    return uniform
  }

  /// A point's best edge out of its component: the other end's tree position (−1: unknown) and the squared mutual
  /// reachability distance.
  struct Candidate {
    var other: Int
    var squared: Double
  }

  /// One round's search state: read-only views valid inside the round's chunk.
  private struct OutsideSearch {
    let q: KDTree.Queries
    let component: UnsafeBufferPointer<Int>
    let core: UnsafeBufferPointer<Double>
    let nodeComponent: UnsafeBufferPointer<Int>
    let nodeCore: UnsafeBufferPointer<Double>

    /// For each position of `range`, its best (squared mutual reachability, input row) point outside its
    /// component, or `other == -1` when it cannot beat an edge already found for its component by an earlier
    /// position of the range (tree order keeps a component's positions together, so one bound per run of positions
    /// is enough). Last round's exact best is kept when its other end is still outside: the points outside a
    /// component only shrink, so it is still the best.
    func nearestOutside(_ range: Range<Int>, previous: UnsafeBufferPointer<Candidate>) -> ContiguousArray<Candidate> {
      var out = ContiguousArray<Candidate>()
      out.reserveCapacity(range.count)
      var run = -1
      var bound = Double.infinity
      for p in range {
        let own = component[p]
        if own != run {
          run = own
          bound = .infinity
        }
        let last = previous[p]
        if last.other >= 0 && component[last.other] != own {
          out.append(last)
          bound = min(bound, last.squared)
          continue
        }
        var best = (squared: bound, row: Int.max, other: -1)
        let x = q.point(p)
        visit(0, lowerBound: max(core[p], nodeCore[0], q.minDistance(x, 0)), from: p, x, best: &best)
        out.append(Candidate(other: best.other, squared: best.squared))
        bound = best.squared
      }
      return out
    }

    /// Searches `node`, whose mutual reachability to p is at least `lowerBound`.
    private func visit(
      _ node: Int, lowerBound: Double, from p: Int, _ x: UnsafePointer<Double>,
      best: inout (squared: Double, row: Int, other: Int)
    ) {
      let own = component[p]
      if lowerBound > best.squared || nodeComponent[node] == own { return }
      if q.isLeaf(node) {
        for o in q.start[node]..<q.end[node] where component[o] != own {
          let reach = max(core[p], core[o])
          if reach > best.squared { continue }
          let squared = max(reach, q.distance(x, o))
          let row = q.order[o]
          if squared < best.squared || (squared == best.squared && row < best.row) { best = (squared, row, o) }
        }
        return
      }
      let left = 2 * node + 1
      let right = left + 1
      let leftBound = max(core[p], nodeCore[left], q.minDistance(x, left))
      let rightBound = max(core[p], nodeCore[right], q.minDistance(x, right))
      if leftBound <= rightBound {
        visit(left, lowerBound: leftBound, from: p, x, best: &best)
        visit(right, lowerBound: rightBound, from: p, x, best: &best)
      } else {
        visit(right, lowerBound: rightBound, from: p, x, best: &best)
        visit(left, lowerBound: leftBound, from: p, x, best: &best)
      }
    }
  }
}
