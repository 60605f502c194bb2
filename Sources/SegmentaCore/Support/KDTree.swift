/// A k-d tree over the rows of a ``FeatureMatrix`` (Bentley 1975, "Multidimensional binary search trees used for
/// associative searching", CACM 18(9)), for exact Euclidean radius and k-nearest-neighbour queries.
///
/// The layout follows scikit-learn's `KDTree`: a complete binary tree stored in arrays (node `i` has children
/// `2i + 1` and `2i + 2`), each node owning a contiguous range of the points in tree order, split at the middle
/// position along the dimension of largest spread, with a bounding box per node. The points are copied into tree
/// order so that a leaf is one contiguous block. Building is deterministic: ties in a coordinate are ordered by
/// row index. Queries are read-only and may run on many threads at once (see ``withQueries(_:)``).
///
/// - Complexity: building O(n × d × log n) time; O(n × d) memory (one copy of the points plus 2 × d doubles and
///   two integers per node, about 4n/leafSize nodes).
struct KDTree: Sendable {
  /// Number of points (rows).
  let count: Int
  /// Number of coordinates per point.
  let columns: Int
  /// Coordinates in tree order, row-major: position `p` holds row `order[p]` of the input.
  let points: ContiguousArray<Double>
  /// The input row at each tree position.
  let order: ContiguousArray<Int>
  /// First tree position of each node.
  let start: ContiguousArray<Int>
  /// One past the last tree position of each node.
  let end: ContiguousArray<Int>
  /// Lower corner of each node's bounding box, node-major (`lower[node * columns + j]`).
  let lower: ContiguousArray<Double>
  /// Upper corner of each node's bounding box, node-major.
  let upper: ContiguousArray<Double>

  /// Number of nodes (2^levels − 1).
  var nodeCount: Int { start.count }

  /// Builds the tree over the rows of `data` with at most about `leafSize` points per leaf (scikit-learn's
  /// default is 40).
  ///
  /// - Complexity: O(n × d × log n) time, O(n × d) memory.
  init(_ data: FeatureMatrix, leafSize: Int = 40) {
    precondition(data.rows > 0 && data.columns > 0, "a k-d tree needs at least one row and one column")
    precondition(leafSize > 0, "leaf size must be positive")
    let n = data.rows
    let d = data.columns
    // scikit-learn: n_levels = floor(log2(max(1, (n − 1) / leaf_size))) + 1.
    var levels = 1
    var capacity = Double(max(1, n - 1)) / Double(leafSize)
    while capacity >= 2 {
      capacity /= 2
      levels += 1
    }
    let nodes = (1 << levels) - 1
    var order = ContiguousArray(0..<n)
    var start = ContiguousArray<Int>(repeating: 0, count: nodes)
    var end = ContiguousArray<Int>(repeating: 0, count: nodes)
    var lower = ContiguousArray<Double>(repeating: 0, count: nodes * d)
    var upper = ContiguousArray<Double>(repeating: 0, count: nodes * d)
    end[0] = n
    data.values.withUnsafeBufferPointer { x in
      order.withUnsafeMutableBufferPointer { order in
        for node in 0..<nodes {
          let first = start[node]
          let last = end[node]
          var widest = 0
          var spread = -1.0
          for j in 0..<d {
            var low = Double.infinity
            var high = -Double.infinity
            for p in first..<last {
              let v = x[order[p] * d + j]
              low = Swift.min(low, v)
              high = Swift.max(high, v)
            }
            lower[node * d + j] = low
            upper[node * d + j] = high
            if high - low > spread {
              spread = high - low
              widest = j
            }
          }
          let left = 2 * node + 1
          guard left < nodes else { continue }
          let middle = first + (last - first) / 2
          Self.select(order, first..<last, rank: middle, dimension: widest, x, columns: d)
          start[left] = first
          end[left] = middle
          start[left + 1] = middle
          end[left + 1] = last
        }
      }
    }
    var points = ContiguousArray<Double>()
    points.reserveCapacity(n * d)
    for row in order { points.append(contentsOf: data.values[(row * d)..<((row + 1) * d)]) }
    self.count = n
    self.columns = d
    self.points = points
    self.order = order
    self.start = start
    self.end = end
    self.lower = lower
    self.upper = upper
  }

  /// Rearranges `order[range]` so that position `rank` holds the row that would be there if the range were sorted
  /// by (coordinate `dimension`, row index), with smaller keys before it and larger after (Hoare's quickselect,
  /// median-of-three pivot; keys are distinct thanks to the row-index tie-break).
  ///
  /// - Complexity: O(range.count) expected time, no allocation.
  private static func select(
    _ order: UnsafeMutableBufferPointer<Int>, _ range: Range<Int>, rank: Int, dimension j: Int,
    _ x: UnsafeBufferPointer<Double>, columns d: Int
  ) {
    @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
      let va = x[a * d + j]
      let vb = x[b * d + j]
      return va < vb || (va == vb && a < b)
    }
    var low = range.lowerBound
    var high = range.upperBound - 1
    while low < high {
      let mid = low + (high - low) / 2
      if less(order[mid], order[low]) { order.swapAt(mid, low) }
      if less(order[high], order[low]) { order.swapAt(high, low) }
      if less(order[high], order[mid]) { order.swapAt(high, mid) }
      let pivot = order[mid]
      var i = low
      var k = high
      while i <= k {
        while less(order[i], pivot) { i += 1 }
        while less(pivot, order[k]) { k -= 1 }
        if i <= k {
          order.swapAt(i, k)
          i += 1
          k -= 1
        }
      }
      if rank <= k {
        high = k
      } else if rank >= i {
        low = i
      } else {
        return
      }
    }
  }
}
