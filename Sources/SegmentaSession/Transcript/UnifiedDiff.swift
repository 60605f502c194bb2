/// A unified diff of two short blocks of lines (a cell's expected and actual output), by longest common
/// subsequence: enough for transcripts, whose blocks are small.
enum UnifiedDiff {
  /// `-expected` / `+actual` / ` common` lines; `same` decides which lines count as equal.
  static func lines(expected: [String], actual: [String], same: (Int, Int) -> Bool) -> [String] {
    let n = expected.count
    let m = actual.count
    var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        lcs[i][j] = same(i, j) ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var out: [String] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, same(i, j) {
        out.append(" " + actual[j])
        i += 1
        j += 1
      } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
        out.append("-" + expected[i])
        i += 1
      } else {
        out.append("+" + actual[j])
        j += 1
      }
    }
    return out
  }
}
