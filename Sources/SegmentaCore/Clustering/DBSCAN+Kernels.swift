/// The three phases of DBSCAN over a k-d tree: core points, their connected components, border points.
///
/// Work is done in tree order (neighbouring rows are close in memory and mostly in the same chunk), in fixed
/// chunks whose results are combined in chunk order; connected components do not depend on the order in which
/// edges are joined, and numbering comes from row indices, so the result is the same for any thread count.
extension DBSCAN {
  /// Labels and core flags per input row, with the number of segments.
  struct Partition: Equatable {
    var labels: ContiguousArray<Int32>
    var isCore: ContiguousArray<Bool>
    var k: Int
  }

  /// DBSCAN's partition of `data` with scikit-learn's numbering (see ``DBSCAN``).
  ///
  /// - Complexity: O(n × d × log n + n × (log n + m) × d) time for m neighbours per row on average; O(n × d +
  ///   e) memory, e ≤ n × c the core–core edges kept across chunk boundaries (c chunks).
  static func partition(_ data: FeatureMatrix, eps: Double, minPoints: Int, context: ExecutionContext)
    throws(SegmentaError) -> Partition
  {
    let n = data.rows
    let tree = KDTree(data)
    let radius = eps * eps
    let chunks = KDTree.queryChunks(n)
    try context.checkCancellation()

    let core = ContiguousArray(
      context.mapChunks(count: n, chunkCount: chunks) { _, range in
        tree.withQueries { q in
          ContiguousArray(range.map { q.count(within: radius, of: q.point($0), limit: minPoints) >= minPoints })
        }
      }.joined())
    try context.checkCancellation()

    let cancellation = context.cancellation
    let edges = context.mapChunks(count: n, chunkCount: chunks) { _, range in
      tree.withQueries { q in
        core.withUnsafeBufferPointer {
          coreEdges(q, core: $0, radius: radius, range: range, cancellation: cancellation)
        }
      }
    }
    try context.checkCancellation()
    let segment = numberComponents(edges: edges, core: core, order: tree.order)

    let border = context.mapChunks(count: n, chunkCount: chunks) { _, range in
      tree.withQueries { q in
        segment.segments.withUnsafeBufferPointer { segments in
          ContiguousArray(
            range.map { p in
              core[p] ? segments[p] : smallestSegment(q, segments: segments, radius: radius, around: p)
            })
        }
      }
    }
    var labels = ContiguousArray<Int32>(repeating: -1, count: n)
    var isCore = ContiguousArray<Bool>(repeating: false, count: n)
    for (p, label) in border.joined().enumerated() {
      labels[tree.order[p]] = label
      isCore[tree.order[p]] = core[p]
    }
    return Partition(labels: labels, isCore: isCore, k: segment.count)
  }

  /// Edges (flattened position pairs) that connect the core points of `range` with earlier core points: within
  /// the chunk only those that join two chunk-local components; across chunks one edge per earlier core point
  /// and chunk-local component (each edge from its later end).
  ///
  /// Across chunks, a wide `eps` makes most pairs of core points neighbours, and keeping every such pair took
  /// gigabytes at 100k rows. An edge to an earlier point `o` adds nothing when `o` was already joined to the
  /// same local component, so `joinedTo[o]` remembers the local root `o` was last joined to. A point's earlier
  /// chunks come first in tree order, so its cross-chunk neighbours wait in `earlier` until its local edges have
  /// put it in its component.
  ///
  /// At a wide `eps` this phase visits most pairs of rows (seconds to minutes), so it looks at `cancellation`
  /// every 64 rows and stops early; the partial edges are never used, since the caller checks it right after.
  private static func coreEdges(
    _ q: KDTree.Queries, core: UnsafeBufferPointer<Bool>, radius: Double, range: Range<Int>,
    cancellation: CancellationFlag
  ) -> [Int] {
    var local = UnionFind(count: range.count)
    var joinedTo = ContiguousArray<Int32>(repeating: -1, count: range.lowerBound)
    var earlier: [Int] = []
    var edges: [Int] = []
    for p in range {
      if p & 63 == 0 && cancellation.isCancelled { break }
      guard core[p] else { continue }
      earlier.removeAll(keepingCapacity: true)
      q.forEach(within: radius, of: q.point(p)) { o in
        guard o < p, core[o] else { return }
        if o < range.lowerBound {
          earlier.append(o)
        } else if local.union(p - range.lowerBound, o - range.lowerBound) {
          edges.append(p)
          edges.append(o)
        }
      }
      let root = Int32(local.find(p - range.lowerBound))
      for o in earlier where joinedTo[o] != root {
        joinedTo[o] = root
        edges.append(p)
        edges.append(o)
      }
    }
    return edges
  }

  /// Components of the core graph numbered by their smallest input row (scikit-learn's expansion order): the
  /// segment per tree position (−1 for non-core positions) and the number of segments.
  private static func numberComponents(edges: [[Int]], core: ContiguousArray<Bool>, order: ContiguousArray<Int>)
    -> (segments: ContiguousArray<Int32>, count: Int)
  {
    let n = core.count
    var sets = UnionFind(count: n)
    for part in edges {
      for e in stride(from: 0, to: part.count, by: 2) { sets.union(part[e], part[e + 1]) }
    }
    var smallestRow = [Int](repeating: .max, count: n)
    for p in 0..<n where core[p] {
      let root = sets.find(p)
      smallestRow[root] = min(smallestRow[root], order[p])
    }
    let roots = (0..<n).filter { smallestRow[$0] != .max }.sorted { smallestRow[$0] < smallestRow[$1] }
    var number = [Int32](repeating: -1, count: n)
    for (segment, root) in roots.enumerated() { number[root] = Int32(segment) }
    var segments = ContiguousArray<Int32>(repeating: -1, count: n)
    for p in 0..<n where core[p] { segments[p] = number[sets.find(p)] }
    return (segments, roots.count)
  }

  /// The smallest segment among the core points within the radius of position `p`, or −1 (noise).
  private static func smallestSegment(
    _ q: KDTree.Queries, segments: UnsafeBufferPointer<Int32>, radius: Double, around p: Int
  ) -> Int32 {
    var best: Int32 = -1
    q.forEach(within: radius, of: q.point(p)) { o in
      let s = segments[o]
      if s >= 0 && (best < 0 || s < best) { best = s }
    }
    return best
  }
}
