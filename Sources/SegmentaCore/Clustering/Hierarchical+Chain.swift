/// The nearest-neighbour chain (Benzécri 1982, Juan 1982; Müllner 2011, §3.2, as SciPy's `nn_chain`), shared by
/// the builders that keep dissimilarities in different stores (Ward's centroids, the condensed matrix).
extension Hierarchical {
  /// Runs the chain over the clusters in slots 0..<n.
  ///
  /// The chain starts at the lowest active slot and repeatedly steps to the nearest neighbour of its tip,
  /// preferring the previous chain element on ties (so it cannot cycle), until two clusters are each other's
  /// nearest neighbours; those merge into the higher slot. For a reducible linkage the rest of the chain stays valid
  /// after a merge, so the chain continues from it.
  ///
  /// - Parameters:
  ///   - rows: the number of singleton clusters n.
  ///   - context: cancellation, checked before every merge.
  ///   - nearest: the cluster nearest to `x` among the active slots given (ascending, `x` among them), the first in
  ///     slot order on ties, with its dissimilarity; the slots are for reading only.
  ///   - dissimilarity: the dissimilarity of two active clusters, computed exactly as `nearest` computes it.
  ///   - merge: merges `low` into `high` (low < high, given their dissimilarity) in the store, with `low` already
  ///     removed from the active slots given, and returns the merge height.
  /// - Returns: the n − 1 merges in the order they happened (not sorted by height).
  /// - Complexity: O(n) calls of `nearest` (each chain step either grows the chain or merges) and n − 1 merges.
  static func nearestNeighbourChain(
    rows n: Int, context: ExecutionContext,
    nearest: (_ x: Int, _ active: UnsafeMutableBufferPointer<Int>) -> Candidate,
    dissimilarity: (_ a: Int, _ b: Int) -> Double,
    merge: (_ low: Int, _ high: Int, _ value: Double, _ active: UnsafeMutableBufferPointer<Int>) -> Double
  ) throws(SegmentaError) -> ContiguousArray<RawMerge> {
    var slots = ContiguousArray<Int>(0..<n)
    var merges = ContiguousArray<RawMerge>()
    merges.reserveCapacity(max(n - 1, 0))
    try slots.withUnsafeMutableBufferPointer { slots throws(SegmentaError) in
      var count = n
      var chain: [Int] = []
      for _ in 0..<max(n - 1, 0) {
        try context.checkCancellation()
        if chain.isEmpty { chain.append(slots[0]) }
        var x: Int
        var y: Int
        var value: Double
        while true {
          x = chain[chain.count - 1]
          let found = nearest(x, UnsafeMutableBufferPointer(rebasing: slots[..<count]))
          if chain.count > 1 {
            let previous = chain[chain.count - 2]
            let previousValue = dissimilarity(x, previous)
            if !(found.value < previousValue) {
              y = previous
              value = previousValue
              break
            }
          }
          y = found.index
          value = found.value
          chain.append(y)
        }
        chain.removeLast(2)
        let (low, high) = (min(x, y), max(x, y))
        count = remove(low, from: slots, count: count)
        let height = merge(low, high, value, UnsafeMutableBufferPointer(rebasing: slots[..<count]))
        merges.append(RawMerge(a: low, b: high, height: height))
      }
    }
    return merges
  }

  /// Removes `slot` from the ascending prefix `slots[0..<count]`; returns the new count.
  ///
  /// - Complexity: O(count).
  static func remove(_ slot: Int, from slots: UnsafeMutableBufferPointer<Int>, count: Int) -> Int {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if slots[mid] < slot { low = mid + 1 } else { high = mid }
    }
    precondition(low < count && slots[low] == slot, "slot \(slot) is not active")
    for position in low..<(count - 1) { slots[position] = slots[position + 1] }
    return count - 1
  }
}
