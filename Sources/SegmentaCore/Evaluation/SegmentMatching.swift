/// Matches the segments of two partitions of the same rows one-to-one so that the matched pairs share as many
/// rows as possible (a maximum-weight assignment on the overlap table), to show which segment of one variant
/// corresponds to which of another.
///
/// Uses the Hungarian method (Kuhn 1955; Munkres 1957) in the O(n³) shortest-augmenting-path form with
/// potentials (Jonker & Volgenant 1987 style), on the square overlap matrix padded with zeros.
public enum SegmentMatching {
  /// One matched pair: segment `a` of the first partition, segment `b` of the second, and their shared rows.
  public struct Pair: Sendable, Equatable {
    public let a: Int
    public let b: Int
    public let overlap: Int
  }

  /// The overlap-maximising one-to-one matching between the segments `0..<ka` of `a` and `0..<kb` of `b`
  /// (rows labelled −1 in either are ignored). Pairs come in the order of `a`'s segments; segments left
  /// unmatched (when ka ≠ kb) are absent. Among equally good matchings the result is deterministic.
  ///
  /// - Complexity: O(n + max(ka, kb)³).
  public static func match(_ a: ContiguousArray<Int32>, ka: Int, _ b: ContiguousArray<Int32>, kb: Int) -> [Pair] {
    precondition(a.count == b.count, "partitions of the same rows")
    let size = max(ka, kb)
    guard size > 0 else { return [] }
    var overlap = [Int](repeating: 0, count: size * size)
    for (x, y) in zip(a, b) where x >= 0 && y >= 0 {
      overlap[Int(x) * size + Int(y)] += 1
    }
    let assignment = minimumCostAssignment(size: size) { i, j in -Double(overlap[i * size + j]) }
    return (0..<ka).compactMap { i in
      let j = assignment[i]
      return j < kb ? Pair(a: i, b: j, overlap: overlap[i * size + j]) : nil
    }
  }

  /// For each row i of a square cost matrix, the column assigned to it in a minimum-cost perfect matching.
  static func minimumCostAssignment(size n: Int, cost: (Int, Int) -> Double) -> [Int] {
    var u = [Double](repeating: 0, count: n + 1)
    var v = [Double](repeating: 0, count: n + 1)
    var rowOfColumn = [Int](repeating: 0, count: n + 1)  // 1-based rows; 0 = unassigned
    var way = [Int](repeating: 0, count: n + 1)
    for i in 1...n {
      rowOfColumn[0] = i
      var column = 0
      var minimum = [Double](repeating: .infinity, count: n + 1)
      var used = [Bool](repeating: false, count: n + 1)
      repeat {
        used[column] = true
        let row = rowOfColumn[column]
        var delta = Double.infinity
        var next = 0
        for j in 1...n where !used[j] {
          let reduced = cost(row - 1, j - 1) - u[row] - v[j]
          if reduced < minimum[j] {
            minimum[j] = reduced
            way[j] = column
          }
          if minimum[j] < delta {
            delta = minimum[j]
            next = j
          }
        }
        for j in 0...n {
          if used[j] {
            u[rowOfColumn[j]] += delta
            v[j] -= delta
          } else {
            minimum[j] -= delta
          }
        }
        column = next
      } while rowOfColumn[column] != 0
      repeat {
        let previous = way[column]
        rowOfColumn[column] = rowOfColumn[previous]
        column = previous
      } while column != 0
    }
    var assignment = [Int](repeating: 0, count: n)
    for j in 1...n where rowOfColumn[j] > 0 { assignment[rowOfColumn[j] - 1] = j - 1 }
    return assignment
  }
}
