/// Disjoint sets over `0..<n` with union by size and path halving (Tarjan 1975, "Efficiency of a good but not
/// linear set union algorithm", JACM 22(2)).
///
/// Which element represents a set depends on the order of unions; callers that print anything derive numbering
/// from the sets' members (e.g. their smallest element), never from the representative.
///
/// - Complexity: O(n) memory; a sequence of m operations takes O(m α(n)) time.
struct UnionFind: Sendable {
  private var parent: ContiguousArray<Int>
  private var size: ContiguousArray<Int>

  init(count: Int) {
    parent = ContiguousArray(0..<count)
    size = ContiguousArray(repeating: 1, count: count)
  }

  /// The representative of `x`'s set.
  mutating func find(_ x: Int) -> Int {
    var x = x
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }

  /// Merges the sets of `a` and `b`; returns false when they were already one set.
  @discardableResult
  mutating func union(_ a: Int, _ b: Int) -> Bool {
    var ra = find(a)
    var rb = find(b)
    if ra == rb { return false }
    if size[ra] < size[rb] { swap(&ra, &rb) }
    parent[rb] = ra
    size[ra] += size[rb]
    return true
  }
}
