/// Exact Euclidean queries on a ``KDTree``: points within a radius and the k nearest neighbours.
///
/// Distances are compared squared, Σⱼ(qⱼ − pⱼ)² summed in column order (as scikit-learn's `rdist`), so a radius
/// query includes a point exactly when that sum is ≤ r². Box bounds are computed with the same rounding direction
/// as the point distances, so pruning never changes a result: queries return what a brute-force scan would.
extension KDTree {
  /// Runs `body` with read access to the tree's arrays; the ``Queries`` value must not escape `body`.
  func withQueries<R>(_ body: (Queries) -> R) -> R {
    points.withUnsafeBufferPointer { points in
      order.withUnsafeBufferPointer { order in
        start.withUnsafeBufferPointer { start in
          end.withUnsafeBufferPointer { end in
            lower.withUnsafeBufferPointer { lower in
              upper.withUnsafeBufferPointer { upper in
                body(
                  Queries(
                    points: points, order: order, start: start, end: end, lower: lower, upper: upper,
                    columns: columns))
              }
            }
          }
        }
      }
    }
  }

  /// Unsafe views of a tree's arrays, valid inside ``KDTree/withQueries(_:)`` only.
  struct Queries {
    let points: UnsafeBufferPointer<Double>
    let order: UnsafeBufferPointer<Int>
    let start: UnsafeBufferPointer<Int>
    let end: UnsafeBufferPointer<Int>
    let lower: UnsafeBufferPointer<Double>
    let upper: UnsafeBufferPointer<Double>
    let columns: Int

    /// Whether `node` has no children.
    @inline(__always) func isLeaf(_ node: Int) -> Bool { 2 * node + 1 >= start.count }

    /// The coordinates of the point at tree position `p`.
    @inline(__always) func point(_ p: Int) -> UnsafePointer<Double> {
      // Safe: `points` is non-empty (a tree has at least one point) and p < count.
      points.baseAddress.unsafelyUnwrapped + p * columns
    }

    /// Squared distance between `q` and the point at tree position `p`.
    @inline(__always) func distance(_ q: UnsafePointer<Double>, _ p: Int) -> Double {
      let base = p * columns
      var sum = 0.0
      for j in 0..<columns {
        let delta = q[j] - points[base + j]
        sum += delta * delta
      }
      return sum
    }

    /// Squared distance from `q` to the nearest point of `node`'s bounding box (a lower bound for its points).
    @inline(__always) func minDistance(_ q: UnsafePointer<Double>, _ node: Int) -> Double {
      let base = node * columns
      var sum = 0.0
      for j in 0..<columns {
        let below = lower[base + j] - q[j]
        let above = q[j] - upper[base + j]
        let delta = Swift.max(0, below, above)
        sum += delta * delta
      }
      return sum
    }

    /// Squared distance from `q` to the farthest corner of `node`'s bounding box (an upper bound for its points).
    @inline(__always) func maxDistance(_ q: UnsafePointer<Double>, _ node: Int) -> Double {
      let base = node * columns
      var sum = 0.0
      for j in 0..<columns {
        let delta = Swift.max(q[j] - lower[base + j], upper[base + j] - q[j])
        sum += delta * delta
      }
      return sum
    }

    /// The number of points p with ‖q − p‖² ≤ `radiusSquared` (the query point itself included if it is one),
    /// counting stopped once it reaches `limit` (so the result is min(count, limit) or more).
    ///
    /// - Complexity: O(log n + points near the sphere's surface) for well-spread data; whole nodes inside the
    ///   sphere are counted without visiting their points.
    func count(within radiusSquared: Double, of q: UnsafePointer<Double>, limit: Int = .max) -> Int {
      var found = 0
      count(within: radiusSquared, of: q, node: 0, limit: limit, found: &found)
      return found
    }

    private func count(
      within radiusSquared: Double, of q: UnsafePointer<Double>, node: Int, limit: Int, found: inout Int
    ) {
      if found >= limit || minDistance(q, node) > radiusSquared { return }
      if maxDistance(q, node) <= radiusSquared {
        found += end[node] - start[node]
      } else if isLeaf(node) {
        for p in start[node]..<end[node] where distance(q, p) <= radiusSquared { found += 1 }
      } else {
        count(within: radiusSquared, of: q, node: 2 * node + 1, limit: limit, found: &found)
        count(within: radiusSquared, of: q, node: 2 * node + 2, limit: limit, found: &found)
      }
    }

    /// Calls `body` with the tree position of every point p with ‖q − p‖² ≤ `radiusSquared`, in tree order.
    ///
    /// - Complexity: O(log n + points within or near the sphere).
    func forEach(within radiusSquared: Double, of q: UnsafePointer<Double>, node: Int = 0, _ body: (Int) -> Void) {
      if minDistance(q, node) > radiusSquared { return }
      if isLeaf(node) {
        for p in start[node]..<end[node] where distance(q, p) <= radiusSquared { body(p) }
        return
      }
      forEach(within: radiusSquared, of: q, node: 2 * node + 1, body)
      forEach(within: radiusSquared, of: q, node: 2 * node + 2, body)
    }

    /// Fills `heap` (emptied first) with the `heap.capacity` nearest points to `q` by (squared distance, input row);
    /// the query point itself is included if it is one of the points.
    ///
    /// - Complexity: O(k log k × log n) for well-spread data in few dimensions.
    func nearest(to q: UnsafePointer<Double>, heap: inout NeighbourHeap) {
      heap.removeAll()
      search(q, node: 0, lowerBound: minDistance(q, 0), heap: &heap)
    }

    private func search(_ q: UnsafePointer<Double>, node: Int, lowerBound: Double, heap: inout NeighbourHeap) {
      // Equal bounds are still visited: a point at the same distance with a lower row index would win the tie.
      if lowerBound > heap.worst { return }
      if isLeaf(node) {
        for p in start[node]..<end[node] { heap.offer(distance(q, p), order[p]) }
        return
      }
      let left = 2 * node + 1
      let right = left + 1
      let leftBound = minDistance(q, left)
      let rightBound = minDistance(q, right)
      if leftBound <= rightBound {
        search(q, node: left, lowerBound: leftBound, heap: &heap)
        search(q, node: right, lowerBound: rightBound, heap: &heap)
      } else {
        search(q, node: right, lowerBound: rightBound, heap: &heap)
        search(q, node: left, lowerBound: leftBound, heap: &heap)
      }
    }
  }
}

extension KDTree {
  /// The number of chunks for parallel queries from every point: about 512 queries per chunk, a function of the
  /// point count only.
  static func queryChunks(_ count: Int) -> Int { ExecutionContext.chunkCount(for: count, grain: 512) }

  /// For every tree position, the squared distance to its `k`-th nearest point, itself counted (HDBSCAN's squared
  /// core distance, the squared k-distance); queries run in fixed chunks, so threads do not change the result.
  ///
  /// - Complexity: O(n × k log k × log n × d) for well-spread data in few dimensions; O(n + k) memory.
  func kthNearestSquaredDistances(_ k: Int, context: ExecutionContext) -> ContiguousArray<Double> {
    precondition((1...count).contains(k), "k must lie in 1…n")
    let parts = context.mapChunks(count: count, chunkCount: Self.queryChunks(count)) { _, range in
      withQueries { q in
        var heap = NeighbourHeap(capacity: k)
        var out = ContiguousArray<Double>()
        out.reserveCapacity(range.count)
        for p in range {
          q.nearest(to: q.point(p), heap: &heap)
          out.append(heap.worst)
        }
        return out
      }
    }
    return ContiguousArray(parts.joined())
  }
}

/// The k best (squared distance, row) pairs seen so far, ordered lexicographically: a bounded max-heap whose top is
/// the worst kept pair. Reused across queries so that searching allocates nothing.
struct NeighbourHeap {
  /// The number of pairs kept at most.
  let capacity: Int
  private var distances: ContiguousArray<Double>
  private var rows: ContiguousArray<Int>
  /// The number of pairs kept.
  private(set) var count = 0

  init(capacity: Int) {
    precondition(capacity > 0, "a neighbour heap keeps at least one pair")
    self.capacity = capacity
    distances = ContiguousArray(repeating: 0, count: capacity)
    rows = ContiguousArray(repeating: 0, count: capacity)
  }

  /// The largest kept squared distance once full (the k-th nearest), +∞ before.
  var worst: Double { count < capacity ? .infinity : distances[0] }

  /// Forgets every pair.
  mutating func removeAll() { count = 0 }

  /// Keeps (distance, row) if fewer than `capacity` pairs are kept or it is smaller than the worst kept pair.
  @inline(__always) mutating func offer(_ distance: Double, _ row: Int) {
    if count < capacity {
      var child = count
      count += 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard Self.less(distances[parent], rows[parent], distance, row) else { break }
        distances[child] = distances[parent]
        rows[child] = rows[parent]
        child = parent
      }
      distances[child] = distance
      rows[child] = row
      return
    }
    guard Self.less(distance, row, distances[0], rows[0]) else { return }
    var parent = 0
    while true {
      var largest = 2 * parent + 1
      if largest >= count { break }
      if largest + 1 < count && Self.less(distances[largest], rows[largest], distances[largest + 1], rows[largest + 1])
      {
        largest += 1
      }
      guard Self.less(distance, row, distances[largest], rows[largest]) else { break }
      distances[parent] = distances[largest]
      rows[parent] = rows[largest]
      parent = largest
    }
    distances[parent] = distance
    rows[parent] = row
  }

  /// The kept pairs sorted by (squared distance, row).
  func sorted() -> [(distance: Double, row: Int)] {
    (0..<count).map { (distances[$0], rows[$0]) }.sorted { Self.less($0.distance, $0.row, $1.distance, $1.row) }
  }

  @inline(__always) private static func less(_ a: Double, _ i: Int, _ b: Double, _ k: Int) -> Bool {
    a < b || (a == b && i < k)
  }
}
