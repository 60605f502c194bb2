import Testing

@testable import SegmentaCore

@Suite struct SegmentMatchingTests {
  @Test func matchesPermutedLabelsPerfectly() {
    let a: ContiguousArray<Int32> = [0, 0, 1, 1, 1, 2, 2, 2, 2]
    let b: ContiguousArray<Int32> = [2, 2, 0, 0, 0, 1, 1, 1, 1]
    #expect(
      SegmentMatching.match(a, ka: 3, b, kb: 3) == [
        .init(a: 0, b: 2, overlap: 2), .init(a: 1, b: 0, overlap: 3), .init(a: 2, b: 1, overlap: 4),
      ])
  }

  @Test func greedyWouldBeWrongButTheAssignmentIsOptimal() {
    // Overlaps: a0-b0 5, a0-b1 4, a1-b0 4, a1-b1 0. Greedy takes a0-b0 (5) and leaves a1-b1 (0): total 5.
    // The optimum is a0-b1 + a1-b0 = 8.
    let a = ContiguousArray<Int32>(Array(repeating: 0, count: 9) + Array(repeating: 1, count: 4))
    let b = ContiguousArray<Int32>(
      Array(repeating: 0, count: 5) + Array(repeating: 1, count: 4) + Array(repeating: 0, count: 4))
    let pairs = SegmentMatching.match(a, ka: 2, b, kb: 2)
    #expect(pairs == [.init(a: 0, b: 1, overlap: 4), .init(a: 1, b: 0, overlap: 4)])
  }

  @Test func rectangularAndNoiseAreHandled() {
    let a: ContiguousArray<Int32> = [0, 0, 1, 1, 2, 2, -1]
    let b: ContiguousArray<Int32> = [1, 1, 0, 0, 0, -1, 0]
    #expect(
      SegmentMatching.match(a, ka: 3, b, kb: 2) == [.init(a: 0, b: 1, overlap: 2), .init(a: 1, b: 0, overlap: 2)])
  }

  @Test func assignmentMatchesBruteForceOnRandomCosts() {
    for seed in UInt64(1)...40 {
      var rng = SeededRandom(seed: seed)
      let n = 1 + rng.nextInt(below: 6)
      let costs = (0..<(n * n)).map { _ in Double(rng.nextInt(below: 20)) }
      let assignment = SegmentMatching.minimumCostAssignment(size: n) { costs[$0 * n + $1] }
      let total = (0..<n).map { costs[$0 * n + assignment[$0]] }.reduce(0, +)
      #expect(Set(assignment).count == n, "seed \(seed): not a permutation")
      #expect(total == Self.bruteForceMinimum(n, costs), "seed \(seed)")
    }
  }

  static func bruteForceMinimum(_ n: Int, _ costs: [Double]) -> Double {
    func permutations(_ items: [Int]) -> [[Int]] {
      items.count <= 1
        ? [items]
        : items.indices.flatMap { i in
          permutations(items.enumerated().filter { $0.offset != i }.map(\.element)).map { [items[i]] + $0 }
        }
    }
    return permutations(Array(0..<n)).map { p in (0..<n).map { costs[$0 * n + p[$0]] }.reduce(0, +) }.min() ?? 0
  }
}
